using Actors.Ingestor.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Actors.Ingestor.Commands;

/// <summary>Starts the embedded silo or connects to the cluster, turning an unreachable cluster into a clear message.</summary>
public static class ClusterCommand
{
    /// <summary>Returns null (after printing why) when the cluster cannot be reached.</summary>
    public static Task<ClusterConnection?> ConnectAsync(IConfiguration configuration, IngestorOptions settings, CancellationToken cancellationToken) =>
        ConnectAsync(configuration, settings, serveHealth: false, cancellationToken);

    /// <summary>
    /// As <see cref="ConnectAsync(IConfiguration, IngestorOptions, CancellationToken)"/>; with <paramref name="serveHealth"/>
    /// (the long-running <c>ingest</c> command) the connection also serves the health endpoints on <c>Health:Port</c> (default 8081).
    /// </summary>
    public static Task<ClusterConnection?> ConnectAsync(IConfiguration configuration, IngestorOptions settings, bool serveHealth, CancellationToken cancellationToken) =>
        ConnectAsync(configuration, settings, serveHealth, configure: null, cancellationToken);

    /// <summary>
    /// As <see cref="ConnectAsync(IConfiguration, IngestorOptions, bool, CancellationToken)"/>, with <paramref name="configure"/>
    /// adding the command's own services (e.g. the Kinesis ingest) to the same host.
    /// </summary>
    public static async Task<ClusterConnection?> ConnectAsync(
        IConfiguration configuration, IngestorOptions settings, bool serveHealth, Action<IHostApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        try
        {
            return await ClusterConnection.StartAsync(
                configuration, settings.EmbeddedSilo, serveHealth, logging => IngestorConfiguration.ConsoleToStderr(logging, configuration), configure, cancellationToken);
        }
        catch (ClusterUnreachableException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return null;
        }
    }
}
