using Actors.Aws.Kinesis;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.Logging;

namespace Actors.Ingestor.Kinesis;

/// <summary>
/// Reads one leased shard: polls GetRecords at most once per <see cref="KinesisIngestOptions.PollInterval"/>, parses
/// every record, sends the readings through the dispatcher, writes rejects to the dead-letter sink, and only then
/// checkpoints the batch's last sequence number (at-least-once: a batch replayed after a crash is absorbed by the device
/// grains' event-time dedup). Backs off on throttling, renews an expired iterator from the checkpoint, and finishes
/// the shard when Kinesis says it is closed and read to its end.
/// </summary>
internal sealed partial class KinesisShardReader(ShardReadContext context, ShardAssignment assignment)
{
    private readonly string _shardId = assignment.ShardId;
    private string? _checkpoint = assignment.Checkpoint;

    /// <summary>The shard read.</summary>
    public string ShardId => _shardId;

    /// <summary>Reads until the shard ends, the lease is lost, or <paramref name="cancellationToken"/> stops it (a batch being dispatched is completed and checkpointed first).</summary>
    public async Task<ShardReadEnd> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ShardReadEnd.Stopped;
        }
        finally
        {
            context.Metrics.ShardStopped(_shardId);
        }
    }

    private async Task<ShardReadEnd> ReadAsync(CancellationToken cancellationToken)
    {
        var options = context.Options;
        var iterator = await NewIteratorAsync(cancellationToken);
        LogStarted(context.Logger, _shardId, _checkpoint ?? StartDescription());
        var throttled = 0;
        var nextCall = context.Time.GetUtcNow();
        while (true)
        {
            await DelayUntilAsync(nextCall, cancellationToken);
            nextCall = context.Time.GetUtcNow() + options.PollInterval;
            GetRecordsResult page;
            try
            {
                page = await context.Kinesis.GetRecordsAsync(iterator, options.MaxRecordsPerCall, cancellationToken);
                throttled = 0;
            }
            catch (KinesisException ex) when (ex.IsThrottling)
            {
                context.Metrics.Throttled(_shardId);
                var delay = ThrottleBackoff.Backoff.Delay(++throttled);
                LogThrottled(context.Logger, _shardId, ex.ErrorCode, delay.TotalMilliseconds);
                nextCall = context.Time.GetUtcNow() + delay;
                continue;
            }
            catch (KinesisException ex) when (ex.IsExpiredIterator)
            {
                LogIteratorExpired(context.Logger, _shardId, _checkpoint);
                iterator = await NewIteratorAsync(cancellationToken);
                continue;
            }

            context.Metrics.MillisBehindLatest(_shardId, page.MillisBehindLatest ?? 0);
            if (page.Records.Count > 0)
            {
                await ProcessAsync(page.Records);
            }
            var ended = page.IsShardEnd;
            if (page.Records.Count > 0 || ended)
            {
                var last = page.Records.Count > 0 ? page.Records[^1].SequenceNumber : _checkpoint;
                if (!await context.Leases.Checkpoint(context.WorkerId, _shardId, last, ended))
                {
                    LogLeaseLost(context.Logger, _shardId, last);
                    return ShardReadEnd.LeaseLost;
                }
                context.Metrics.Checkpointed(_shardId);
                _checkpoint = last;
                context.BatchCompleted();
            }
            if (ended)
            {
                LogFinished(context.Logger, _shardId, _checkpoint, string.Join(",", page.ChildShards.Select(c => c.ShardId)));
                return ShardReadEnd.Finished;
            }
            iterator = page.NextShardIterator!;
        }
    }

    private async Task ProcessAsync(IReadOnlyList<KinesisRecord> records)
    {
        context.RecordsArrived();
        context.Summary.RecordRead(records.Count);
        context.Metrics.RecordsRead(_shardId, records.Count);
        var readings = new List<Reading>(records.Count);
        List<DeadLetter>? letters = null;
        foreach (var record in records)
        {
            var outcome = context.Parser.Parse(record.Data.Span);
            if (outcome.Reading is { } reading)
            {
                readings.Add(reading);
                continue;
            }
            context.Rejections.Record($"{_shardId}/{record.SequenceNumber}", outcome, record.Data.Span);
            context.Summary.RecordRejected();
            context.Metrics.Rejected(_shardId, outcome.Reason);
            (letters ??= []).Add(new DeadLetter(
                context.StreamName, _shardId, record.SequenceNumber, record.PartitionKey, record.ApproximateArrivalTimestamp, outcome.Reason, outcome.Detail, record.Data));
        }
        if (letters is not null)
        {
            await context.DeadLetters.WriteAsync(letters, CancellationToken.None);
        }
        if (readings.Count > 0)
        {
            context.Summary.Add(await context.Dispatcher.DispatchAsync(readings));
        }
    }

    private Task<string> NewIteratorAsync(CancellationToken cancellationToken)
    {
        var kinesis = context.Kinesis;
        var stream = context.StreamName;
        if (_checkpoint is not null)
        {
            return kinesis.GetShardIteratorAsync(stream, _shardId, ShardIteratorType.AfterSequenceNumber, _checkpoint, cancellationToken: cancellationToken);
        }
        return (assignment.AfterParents ? KinesisInitialPosition.TrimHorizon : context.Options.InitialPosition) switch
        {
            KinesisInitialPosition.Latest => kinesis.GetShardIteratorAsync(stream, _shardId, ShardIteratorType.Latest, cancellationToken: cancellationToken),
            KinesisInitialPosition.AtTimestamp => kinesis.GetShardIteratorAsync(
                stream, _shardId, ShardIteratorType.AtTimestamp, timestamp: context.Options.InitialTimestamp!.Value.UtcDateTime, cancellationToken: cancellationToken),
            _ => kinesis.GetShardIteratorAsync(stream, _shardId, ShardIteratorType.TrimHorizon, cancellationToken: cancellationToken),
        };
    }

    private string StartDescription() => assignment.AfterParents
        ? "the first record (parents finished)"
        : context.Options.InitialPosition.ToString();

    private async Task DelayUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        var wait = due - context.Time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, context.Time, cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Shard {ShardId}: reading after {Position}")]
    private static partial void LogStarted(ILogger logger, string shardId, string position);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Shard {ShardId}: GetRecords throttled ({ErrorCode}); backing off {DelayMs:0} ms")]
    private static partial void LogThrottled(ILogger logger, string shardId, string errorCode, double delayMs);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Shard {ShardId}: iterator expired; renewing after sequence number {SequenceNumber}")]
    private static partial void LogIteratorExpired(ILogger logger, string shardId, string? sequenceNumber);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Shard {ShardId}: checkpoint at sequence number {SequenceNumber} refused, another worker owns the shard now; stopping")]
    private static partial void LogLeaseLost(ILogger logger, string shardId, string? sequenceNumber);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Shard {ShardId}: read to its end at sequence number {SequenceNumber}; children: {Children}")]
    private static partial void LogFinished(ILogger logger, string shardId, string? sequenceNumber, string children);
}
