using System.Text;
using System.Text.Json;
using Actors.Detection.Parsing;
using Actors.Detection.Records;
using Actors.Grains.Interfaces;
using Actors.Ingestor.DeadLetters;

namespace Actors.Ingestor.Pipeline;

/// <summary>
/// Feeds an NDJSON stream through the <see cref="IngestPipeline"/> in file order and writes every anomaly (not folded)
/// as one JSON line. The result is the same whatever the batch size. The grains write their state on the checkpoint
/// interval and at the end.
/// </summary>
public sealed class ReplayRunner(IGrainFactory grains, ReadingParser parser, RejectionLog rejections, int batchSize, CheckpointOptions? checkpoints = null)
{
    /// <summary>Where rejected lines go besides the log (with file and line); none by default.</summary>
    public IDeadLetterSink? DeadLetters { get; init; }

    public async Task<RunSummary> RunAsync(Stream input, string sourceName, TextWriter? alerts, CancellationToken cancellationToken)
    {
        var pipeline = new IngestPipeline(grains, parser, rejections, batchSize, checkpoints ?? new CheckpointOptions(), TimeProvider.System, noDataOnEventTime: true)
        {
            DeadLetters = DeadLetters,
            Judged = alerts is null ? null : outcome => WriteAsync(alerts, outcome),
        };
        await pipeline.RunAsync(new NdjsonSource(input, sourceName, parser.MaxRecordBytes), cancellationToken);
        if (alerts is not null)
        {
            await alerts.FlushAsync(cancellationToken);
        }
        return pipeline.Summary;
    }

    private static async Task WriteAsync(TextWriter alerts, BatchOutcome outcome)
    {
        if (outcome.Anomalies.Count == 0)
        {
            return;
        }
        var text = new StringBuilder();
        foreach (var anomaly in outcome.Anomalies)
        {
            text.Append(JsonSerializer.Serialize(anomaly, AlertJsonContext.Records.Anomaly)).Append('\n');
        }
        await alerts.WriteAsync(text.ToString());
    }
}
