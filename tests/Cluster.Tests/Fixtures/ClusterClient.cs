using Actors.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Actors.Cluster.Tests.Fixtures;

/// <summary>An Orleans client of a test cluster, configured as the ingestor's (<see cref="DetectionClientExtensions.AddDetectionClient"/>).</summary>
public sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClient(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>
    /// Connects with <paramref name="settings"/>; calls time out after <paramref name="responseTimeout"/> instead of
    /// Orleans' 30 s, so a call lost with a killed silo is retried sooner.
    /// </summary>
    public static async Task<ClusterClient> ConnectAsync(IReadOnlyDictionary<string, string?> settings, TimeSpan responseTimeout)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager(), DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleansClient(client => client
            .AddDetectionClient(builder.Configuration)
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout));
        var host = builder.Build();
        await host.StartAsync();
        return new ClusterClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
