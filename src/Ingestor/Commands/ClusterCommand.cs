using Actors.Ingestor.Cluster;
using Microsoft.Extensions.Configuration;

namespace Actors.Ingestor.Commands;

/// <summary>Starts the embedded silo or connects to the cluster, turning an unreachable cluster into a clear message.</summary>
public static class ClusterCommand
{
    /// <summary>Returns null (after printing why) when the cluster cannot be reached.</summary>
    public static async Task<ClusterConnection?> ConnectAsync(IConfiguration configuration, IngestorSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await ClusterConnection.StartAsync(configuration, settings.EmbeddedSilo, logging => IngestorConfiguration.ConsoleToStderr(logging, configuration), cancellationToken);
        }
        catch (ClusterUnreachableException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return null;
        }
    }
}
