using Actors.Ingestor.Cluster;
using Actors.Ingestor.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Actors.Benchmarks.Embedded;

/// <summary>Starts the ingestor's embedded silo the way its commands do, with configuration overrides.</summary>
public static class EmbeddedCluster
{
    /// <summary>
    /// The ingestor's configuration (appsettings.json, environment) with <paramref name="overrides"/> on top, and a
    /// silo started by <see cref="ClusterConnection.StartAsync(IConfiguration, bool, Action{ILoggingBuilder}, CancellationToken)"/> with <c>embedded: true</c>, logging to stderr.
    /// </summary>
    public static async Task<ClusterConnection> StartAsync(IDictionary<string, string?> overrides, CancellationToken cancellationToken)
    {
        var configuration = IngestorConfiguration.Load(overrides);
        return await ClusterConnection.StartAsync(
            configuration,
            embedded: true,
            logging => IngestorConfiguration.ConsoleToStderr(logging, configuration),
            cancellationToken);
    }
}
