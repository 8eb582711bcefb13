using Actors.Hosting;
using Actors.Hosting.Admin;
using Actors.Hosting.DataPlane;
using Actors.Hosting.Health;
using Actors.Hosting.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Ingestor.Cluster;

/// <summary>
/// The grains the ingestor talks to: an embedded in-process silo (default) or a client of the configured cluster.
/// Reports OpenTelemetry metrics, and serves the health endpoints when asked to (the long-running <c>ingest</c>).
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    /// <summary>The service name metrics are reported under unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "actors-ingestor";

    private readonly IHost _host;
    private int _stopped;

    private ClusterConnection(IHost host, bool embedded)
    {
        _host = host;
        Embedded = embedded;
    }

    public bool Embedded { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts an embedded silo or connects to the cluster; throws <see cref="ClusterUnreachableException"/> when it cannot.</summary>
    public static Task<ClusterConnection> StartAsync(IConfiguration configuration, bool embedded, Action<ILoggingBuilder> logging, CancellationToken cancellationToken) =>
        StartAsync(configuration, embedded, serveHealth: false, logging, cancellationToken);

    /// <summary>
    /// As <see cref="StartAsync(IConfiguration, bool, Action{ILoggingBuilder}, CancellationToken)"/>; with
    /// <paramref name="serveHealth"/>, also serves <c>/health/live</c> and <c>/health/ready</c> on <c>Health:Port</c>
    /// (default 8081) unless <c>Health:Enabled</c> is false. Ready means: the embedded silo is Active (and its storage
    /// reachable), or the client reaches the cluster.
    /// </summary>
    public static Task<ClusterConnection> StartAsync(
        IConfiguration configuration, bool embedded, bool serveHealth, Action<ILoggingBuilder> logging, CancellationToken cancellationToken) =>
        StartAsync(configuration, embedded, serveHealth, logging, configure: null, cancellationToken);

    /// <summary>
    /// As <see cref="StartAsync(IConfiguration, bool, bool, Action{ILoggingBuilder}, CancellationToken)"/>, with
    /// <paramref name="configure"/> adding the caller's services (e.g. the Kinesis ingest as a hosted service) to the same
    /// host, after Orleans. Throws <see cref="OptionsValidationException"/> when their options are invalid.
    /// </summary>
    public static async Task<ClusterConnection> StartAsync(
        IConfiguration configuration, bool embedded, bool serveHealth, Action<ILoggingBuilder> logging, Action<IHostApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        var health = serveHealth ? HealthOptions.Read(configuration, HealthOptions.IngestorDefaultPort) : null;
        IHostApplicationBuilder builder = health is { Enabled: true }
            ? CreateWebBuilder(health.Port)
            : Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager(), DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        logging(builder.Logging);
        builder.Services.AddDetectionTelemetry(configuration, ServiceName);
        builder.Services.AddAdminSecretForwarding(builder.Configuration);
        builder.Services.AddDataPlaneCredential(builder.Configuration);
        if (embedded)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{DetectionClusterOptions.SectionName}:{nameof(DetectionClusterOptions.Membership)}"] = nameof(MembershipKind.Localhost),
                [$"{DetectionClusterOptions.SectionName}:{nameof(DetectionClusterOptions.SiloPort)}"] = FreePort().ToString(),
                [$"{DetectionClusterOptions.SectionName}:{nameof(DetectionClusterOptions.GatewayPort)}"] = FreePort().ToString(),
                [$"{AdminOptions.SectionName}:{nameof(AdminOptions.Secret)}"] = AdminSecret.Generate(),
                [$"{DataPlaneOptions.SectionName}:{nameof(DataPlaneOptions.Credential)}"] = AdminSecret.Generate(),
            });
            builder.UseOrleans(silo => silo.AddDetectionSilo(builder.Configuration));
            builder.Services.AddSiloReadinessChecks(DetectionClusterOptionsReader.Read(builder.Configuration));
        }
        else
        {
            builder.UseOrleansClient(client => client.AddDetectionClient(builder.Configuration));
            builder.Services.AddClientReadinessChecks();
        }
        configure?.Invoke(builder);
        var host = Build(builder, health);
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or OptionsValidationException || embedded)
        {
            host.Dispose();
            throw;
        }
        catch (Exception ex)
        {
            host.Dispose();
            var cluster = DetectionClusterOptionsReader.Read(configuration);
            throw new ClusterUnreachableException(
                $"Cannot reach cluster '{cluster.ClusterId}' ({cluster.Membership}{(cluster.Membership == MembershipKind.Localhost ? $", gateway port {cluster.GatewayPort}" : $", {cluster.RedisConnectionString}")}): {ex.Message}", ex);
        }
        return new ClusterConnection(host, embedded);
    }

    /// <summary>Stops the host: its hosted services in reverse order of registration (the caller's before Orleans'), then the silo or client.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _host.StopAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }

    private static WebApplicationBuilder CreateWebBuilder(int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.ListenAnyIP(port));
        return builder;
    }

    private static IHost Build(IHostApplicationBuilder builder, HealthOptions? health)
    {
        if (builder is not WebApplicationBuilder web || health is null)
        {
            return ((HostApplicationBuilder)builder).Build();
        }
        var app = web.Build();
        app.UseDetectionHealth(health);
        return app;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
