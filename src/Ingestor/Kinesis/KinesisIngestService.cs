using Microsoft.Extensions.Hosting;

namespace Actors.Ingestor.Kinesis;

/// <summary>
/// Runs the <see cref="KinesisIngestWorker"/> for as long as the host runs, in the same host as the embedded silo or
/// the cluster client. Registered after Orleans, so it starts once the grains are reachable and stops (its readers
/// checkpointed, its leases left) before they go away.
/// </summary>
public sealed class KinesisIngestService(KinesisIngestWorker worker) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => worker.RunAsync(stoppingToken);
}
