using System.Text;
using System.Text.Json;
using Actors.Detection.Parsing;
using Actors.Detection.Records;
using Actors.Grains.Interfaces;

namespace Actors.Ingestor.Pipeline;

/// <summary>
/// Feeds an NDJSON stream through the grains in file order, batch after batch, and writes every anomaly (not folded)
/// as one JSON line. At the end, closes every open z-score window so the last windows are judged too; the result is
/// the same whatever the batch size. The grains write their state on the checkpoint interval and at the end.
/// </summary>
public sealed class ReplayRunner(IGrainFactory grains, ReadingParser parser, RejectionLog rejections, int batchSize, CheckpointOptions? checkpoints = null)
{
    /// <remarks>The next batch is parsed while the previous one is with the grains; batches still reach the grains one after the other.</remarks>
    public async Task<RunSummary> RunAsync(Stream input, string sourceName, TextWriter? alerts, CancellationToken cancellationToken)
    {
        var dispatcher = new ReadingDispatcher(grains);
        var schedule = new CheckpointSchedule(checkpoints ?? new CheckpointOptions(), TimeProvider.System);
        var summary = new RunSummary();
        var devices = new HashSet<string>();
        var batch = new List<Reading>(batchSize);
        Task<BatchOutcome>? inFlight = null;

        await foreach (var line in NdjsonReader.ReadAsync(input, parser.MaxRecordBytes, cancellationToken))
        {
            summary.RecordRead(1);
            schedule.Read(1);
            var outcome = parser.Parse(line);
            if (outcome.Reading is not { } reading)
            {
                rejections.Record($"{sourceName}:{line.LineNumber}", outcome, line.Data.Span);
                summary.RecordRejected();
                continue;
            }
            devices.Add(reading.DeviceId);
            batch.Add(reading);
            if (batch.Count >= batchSize)
            {
                await CompleteAsync(inFlight);
                if (schedule.Due)
                {
                    summary.RecordWrites((await dispatcher.CheckpointAsync()).ThrowIfBehind().Writes);
                    schedule.Taken();
                }
                inFlight = dispatcher.DispatchAsync(batch);
                batch = new List<Reading>(batchSize);
            }
        }
        await CompleteAsync(inFlight);
        if (batch.Count > 0)
        {
            await WriteAsync(summary, alerts, await dispatcher.DispatchAsync(batch));
        }
        await WriteAsync(summary, alerts, await dispatcher.CloseWindowsAsync(devices, DateTime.MaxValue));
        summary.RecordWrites((await dispatcher.CheckpointAsync()).ThrowIfBehind().Writes);
        if (alerts is not null)
        {
            await alerts.FlushAsync(cancellationToken);
        }
        return summary;

        async Task CompleteAsync(Task<BatchOutcome>? dispatch)
        {
            if (dispatch is not null)
            {
                await WriteAsync(summary, alerts, await dispatch);
            }
        }
    }

    private static async Task WriteAsync(RunSummary summary, TextWriter? alerts, BatchOutcome outcome)
    {
        if (outcome.Behind)
        {
            throw new GrainStateLostException("A grain lost the readings it took since the last checkpoint (its silo failed); replay the file again.");
        }
        summary.Add(outcome);
        if (alerts is null || outcome.Anomalies.Count == 0)
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
