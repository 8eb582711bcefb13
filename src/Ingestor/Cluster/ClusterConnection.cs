using Actors.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Ingestor.Cluster;

/// <summary>
/// The grains the ingestor talks to: an embedded in-process silo (default) or a client of the configured cluster.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host, bool embedded)
    {
        _host = host;
        Embedded = embedded;
    }

    public bool Embedded { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts an embedded silo or connects to the cluster; throws <see cref="ClusterUnreachableException"/> when it cannot.</summary>
    public static async Task<ClusterConnection> StartAsync(IConfiguration configuration, bool embedded, Action<ILoggingBuilder> logging, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager(), DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        logging(builder.Logging);
        if (embedded)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{ClusterSettings.Section}:{nameof(ClusterSettings.Membership)}"] = nameof(MembershipKind.Localhost),
                [$"{ClusterSettings.Section}:{nameof(ClusterSettings.SiloPort)}"] = FreePort().ToString(),
                [$"{ClusterSettings.Section}:{nameof(ClusterSettings.GatewayPort)}"] = FreePort().ToString(),
            });
            builder.UseOrleans(silo => silo.AddDetectionSilo(builder.Configuration));
        }
        else
        {
            builder.UseOrleansClient(client => client.AddDetectionClient(builder.Configuration));
        }
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (!embedded && ex is not OperationCanceledException)
        {
            host.Dispose();
            var cluster = ClusterSettingsReader.Read(configuration);
            throw new ClusterUnreachableException(
                $"Cannot reach cluster '{cluster.ClusterId}' ({cluster.Membership}{(cluster.Membership == MembershipKind.Localhost ? $", gateway port {cluster.GatewayPort}" : $", {cluster.RedisConnectionString}")}): {ex.Message}", ex);
        }
        return new ClusterConnection(host, embedded);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
