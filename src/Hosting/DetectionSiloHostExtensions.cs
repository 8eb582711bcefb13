using Actors.Hosting.Dashboard;
using Actors.Hosting.Health;
using Actors.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Actors.Hosting;

/// <summary>The silo process: an Orleans silo plus its HTTP side (health endpoints, optional dashboard) and metrics.</summary>
public static class DetectionSiloHostExtensions
{
    /// <summary>The service name metrics are reported under unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "actors-silo";

    /// <summary>
    /// Configures the silo from configuration (<see cref="DetectionSiloExtensions.AddDetectionSilo"/>), the graceful
    /// shutdown timeout (<c>Cluster:ShutdownTimeout</c>), the health endpoints (<c>Health</c>), the Orleans dashboard
    /// (<c>Dashboard</c>) and OpenTelemetry metrics. Kestrel listens only on the health and dashboard ports.
    /// </summary>
    public static WebApplicationBuilder AddDetectionSiloHost(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var cluster = DetectionClusterOptionsReader.Read(configuration);
        var health = HealthOptions.Read(configuration, HealthOptions.SiloDefaultPort);
        var dashboard = SiloDashboardOptions.Read(configuration);
        if (health.Enabled && dashboard.Enabled && health.Port == dashboard.Port)
        {
            throw new InvalidOperationException(
                $"Invalid configuration: {HealthOptions.SectionName}:{nameof(HealthOptions.Port)} and {SiloDashboardOptions.SectionName}:{nameof(SiloDashboardOptions.Port)} are both {health.Port}.");
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = cluster.ShutdownTimeout);
        builder.UseOrleans(silo =>
        {
            silo.AddDetectionSilo(configuration);
            if (dashboard.Enabled)
            {
                silo.AddDashboard();
            }
        });
        builder.Services.AddDetectionTelemetry(configuration, ServiceName);
        builder.Services.AddSiloReadinessChecks(cluster);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (health.Enabled)
            {
                kestrel.ListenAnyIP(health.Port);
            }
            if (dashboard.Enabled)
            {
                kestrel.ListenAnyIP(dashboard.Port);
            }
        });
        if (!health.Enabled && !dashboard.Enabled)
        {
            builder.Services.AddSingleton<IServer, NoHttpServer>();
        }
        return builder;
    }

    /// <summary>
    /// Serves the health endpoints on the health port and, when enabled, the dashboard on the dashboard port (matched
    /// on the request's Host header, as a browser sends it).
    /// </summary>
    public static WebApplication MapDetectionSiloEndpoints(this WebApplication app)
    {
        app.UseDetectionHealth(HealthOptions.Read(app.Configuration, HealthOptions.SiloDefaultPort));
        var dashboard = SiloDashboardOptions.Read(app.Configuration);
        if (dashboard.Enabled)
        {
            app.MapOrleansDashboard().RequireHost($"*:{dashboard.Port}");
        }
        return app;
    }
}
