using Actors.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Orleans.Configuration;

namespace Actors.Admin.Connection;

/// <summary>Connects an Orleans client to the cluster of the <c>Cluster</c> section, as the ingestor does.</summary>
public sealed class OrleansClusterConnector : IClusterConnector
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public async Task<ClusterSession> ConnectAsync(IConfiguration configuration, bool verbose, CancellationToken cancellationToken)
    {
        DetectionClusterOptions cluster;
        try
        {
            cluster = DetectionClusterOptionsReader.Read(configuration);
        }
        catch (InvalidOperationException ex)
        {
            throw AdminCommandException.BadInput(ex.Message, ex);
        }
        var settings = configuration.GetSection(AdminClientOptions.SectionName).Get<AdminClientOptions>() ?? new AdminClientOptions();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager(), DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        if (verbose)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
        builder.UseOrleansClient(client =>
        {
            client.AddDetectionClient(builder.Configuration);
            client.Configure<ConnectionOptions>(o => o.OpenConnectionTimeout = settings.ConnectTimeout);
        });
        var host = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.ConnectTimeout);
        try
        {
            await host.StartAsync(timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            var reason = ex is OperationCanceledException ? $"no answer within {settings.ConnectTimeout.TotalSeconds:0.#} s" : ex.Message;
            throw new ClusterUnreachableException(
                $"Cannot reach {ClusterDescription.Describe(cluster)}: {reason}. Check that the silos are running and that this machine "
                + "can reach a gateway (on ECS: from inside the cluster's VPC security group).", ex);
        }
        return new ClusterSession(host.Services.GetRequiredService<IClusterClient>(), async () =>
        {
            using var stop = new CancellationTokenSource(StopTimeout);
            await host.StopAsync(stop.Token);
            host.Dispose();
        });
    }
}
