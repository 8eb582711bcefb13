using Actors.Aws;
using Actors.Aws.Kinesis;
using Actors.Grains.Interfaces;
using Actors.Ingestor.Pipeline;
using Actors.Resilience;
using Microsoft.Extensions.Logging;

namespace Actors.Ingestor.Kinesis;

/// <summary>
/// Reads one leased shard: polls GetRecords at most once per <see cref="KinesisIngestOptions.PollInterval"/> and feeds
/// every page through the shard's <see cref="IngestPipeline"/> (rejects go to the dead-letter sink). Every
/// <see cref="CheckpointOptions.Interval"/> (and at the shard's end, and when it stops) it takes a checkpoint, in a round
/// with the worker's other shards (<see cref="CheckpointRounds"/>): the grains that took readings of the shard write their
/// state, then the lease grain records the last sequence number read. After a crash the shard is read again from there,
/// judged again from the written state, and the notifier recognizes the anomalies it already has by their IDs. When a
/// grain lost what it took since the checkpoint, or a batch fails, the reader goes back to the checkpoint and reads again.
/// Backs off on throttling, renews an expired iterator from the checkpoint, and finishes the shard when Kinesis says it is
/// closed and read to its end.
/// </summary>
internal sealed partial class KinesisShardReader(ShardReadContext context, ShardAssignment assignment)
{
    /// <summary>The wait before reading again after failed batches in a row: the project's backoff from 200 ms, capped at 30 s.</summary>
    private static readonly RetryBackoff RewindBackoff = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30));

    private readonly string _shardId = assignment.ShardId;
    private readonly IngestPipeline _pipeline = new(
        context.Grains, context.Parser, context.Rejections, context.Options.MaxRecordsPerCall, context.Checkpoints, context.Time, $"{context.StreamName}/{assignment.ShardId}",
        latency: context.AlertLatency, grainCalls: context.GrainCalls)
    {
        Summary = context.Summary,
        DeadLetters = context.DeadLetters,
        Rejected = reason => context.Metrics.Rejected(assignment.ShardId, reason),
    };
    private string? _checkpoint = assignment.Checkpoint;
    private string? _read = assignment.Checkpoint;
    private int _failures;

    /// <summary>The shard read.</summary>
    public string ShardId => _shardId;

    /// <summary>Reads until the shard ends, the lease is lost, or <paramref name="cancellationToken"/> stops it (a batch being dispatched is completed and checkpointed first).</summary>
    public async Task<ShardReadEnd> RunAsync(CancellationToken cancellationToken)
    {
        context.Rounds.Register(_pipeline);
        try
        {
            return await ReadAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return _read == _checkpoint || await CheckpointAsync(ended: false, last: true) != CheckpointStep.LeaseLost
                ? ShardReadEnd.Stopped
                : ShardReadEnd.LeaseLost;
        }
        finally
        {
            context.Rounds.Unregister(_pipeline);
            context.Metrics.ShardStopped(_shardId);
        }
    }

    private async Task<ShardReadEnd> ReadAsync(CancellationToken cancellationToken)
    {
        var options = context.Options;
        var iterator = await NewIteratorAsync(_checkpoint, cancellationToken);
        LogStarted(context.Logger, _shardId, _checkpoint ?? StartDescription());
        var throttled = 0;
        var nextCall = context.Time.GetUtcNow();
        while (true)
        {
            await DelayUntilAsync(nextCall, cancellationToken);
            GetRecordsResult page;
            try
            {
                page = await context.Kinesis.GetRecordsAsync(iterator, options.MaxRecordsPerCall, cancellationToken);
                throttled = 0;
            }
            catch (AwsServiceException ex) when (ex.IsThrottling)
            {
                context.Metrics.Throttled(_shardId);
                var delay = ThrottleBackoff.Backoff.Delay(++throttled);
                LogThrottled(context.Logger, _shardId, ex.ErrorCode, delay.TotalMilliseconds);
                nextCall = context.Time.GetUtcNow() + delay;
                continue;
            }
            catch (AwsServiceException ex) when (ex.IsExpiredIterator)
            {
                nextCall = context.Time.GetUtcNow() + options.PollInterval;
                LogIteratorExpired(context.Logger, _shardId, _read);
                iterator = await NewIteratorAsync(_read, cancellationToken);
                continue;
            }

            // Counted from the answer, not from the decision to call: a pause between the two (a GC, a busy core) would
            // otherwise let two calls reach Kinesis closer together than the poll interval.
            nextCall = context.Time.GetUtcNow() + options.PollInterval;

            context.Metrics.MillisBehindLatest(_shardId, page.MillisBehindLatest ?? 0);
            if (page.Records.Count > 0)
            {
                if (!await ProcessAsync(page.Records))
                {
                    nextCall = Rewind();
                    iterator = await NewIteratorAsync(_checkpoint, cancellationToken);
                    continue;
                }
                _failures = 0;
                _read = page.Records[^1].SequenceNumber;
            }
            var ended = page.IsShardEnd;
            if (ended || context.Rounds.Due(_pipeline))
            {
                switch (await CheckpointAsync(ended))
                {
                    case CheckpointStep.LeaseLost:
                        return ShardReadEnd.LeaseLost;
                    case CheckpointStep.Rewind:
                        nextCall = Rewind();
                        iterator = await NewIteratorAsync(_checkpoint, cancellationToken);
                        continue;
                }
            }
            if (ended)
            {
                LogFinished(context.Logger, _shardId, _checkpoint, string.Join(",", page.ChildShards.Select(c => c.ShardId)));
                return ShardReadEnd.Finished;
            }
            iterator = page.NextShardIterator!;
        }
    }

    /// <summary>The grains write what they took since the last checkpoint, then the lease grain records the position read.</summary>
    private async Task<CheckpointStep> CheckpointAsync(bool ended, bool last = false)
    {
        CheckpointOutcome outcome;
        try
        {
            outcome = await context.Rounds.JoinAsync(_pipeline, last || ended);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckpointFailed(context.Logger, ex, _shardId);
            return CheckpointStep.Rewind;
        }
        context.Metrics.StateWrites(_shardId, outcome.Writes);
        if (outcome.Behind)
        {
            LogGrainBehind(context.Logger, _shardId);
            return CheckpointStep.Rewind;
        }
        if (_read == _checkpoint && !ended)
        {
            return CheckpointStep.Done;
        }
        if (!await context.Leases.Checkpoint(context.WorkerId, _shardId, _read, ended))
        {
            LogLeaseLost(context.Logger, _shardId, _read);
            return CheckpointStep.LeaseLost;
        }
        context.Metrics.Checkpointed(_shardId);
        _checkpoint = _read;
        context.BatchCompleted();
        return CheckpointStep.Done;
    }

    /// <summary>Goes back to the last checkpoint; returns when to read again.</summary>
    private DateTimeOffset Rewind()
    {
        _pipeline.Rewind();
        _read = _checkpoint;
        context.Metrics.Rewound(_shardId);
        var delay = RewindBackoff.Delay(++_failures);
        LogRewinding(context.Logger, _shardId, _checkpoint ?? StartDescription(), delay.TotalMilliseconds);
        return context.Time.GetUtcNow() + delay;
    }

    /// <summary>Returns false when the batch must be read again from the last checkpoint.</summary>
    private async Task<bool> ProcessAsync(IReadOnlyList<KinesisRecord> records)
    {
        context.RecordsArrived();
        context.Rounds.Read(records.Count);
        context.Metrics.RecordsRead(_shardId, records.Count);
        try
        {
            foreach (var record in records)
            {
                await _pipeline.AddAsync(new SourceRecord(
                    record.Data, RecordOrigin.Kinesis(context.StreamName, _shardId, record.SequenceNumber, record.PartitionKey, record.ApproximateArrivalTimestamp)));
            }
            await _pipeline.FlushAsync();
            return true;
        }
        catch (GrainStateLostException)
        {
            LogGrainBehind(context.Logger, _shardId);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBatchFailed(context.Logger, ex, _shardId, records[0].SequenceNumber, records[^1].SequenceNumber);
            return false;
        }
    }

    /// <summary>An iterator to the first record after <paramref name="after"/>, or to the configured start when there is none.</summary>
    private Task<string> NewIteratorAsync(string? after, CancellationToken cancellationToken)
    {
        var kinesis = context.Kinesis;
        var stream = context.StreamName;
        if (after is not null)
        {
            return kinesis.GetShardIteratorAsync(stream, _shardId, ShardIteratorType.AfterSequenceNumber, after, cancellationToken: cancellationToken);
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

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Shard {ShardId}: iterator expired; renewing after the last sequence number read, {SequenceNumber}")]
    private static partial void LogIteratorExpired(ILogger logger, string shardId, string? sequenceNumber);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Shard {ShardId}: checkpoint at sequence number {SequenceNumber} refused, another worker owns the shard now; stopping")]
    private static partial void LogLeaseLost(ILogger logger, string shardId, string? sequenceNumber);

    [LoggerMessage(EventId = 15, Level = LogLevel.Error, Message = "Shard {ShardId}: the batch of sequence numbers {First}..{Last} failed in the grains")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string shardId, string first, string last);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Shard {ShardId}: a grain lost what it took since the last checkpoint (silo failure)")]
    private static partial void LogGrainBehind(ILogger logger, string shardId);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning, Message = "Shard {ShardId}: reading again after {Position} in {DelayMs:0} ms")]
    private static partial void LogRewinding(ILogger logger, string shardId, string position, double delayMs);

    [LoggerMessage(EventId = 18, Level = LogLevel.Error, Message = "Shard {ShardId}: the grains could not write their state at the checkpoint")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception, string shardId);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Shard {ShardId}: read to its end at sequence number {SequenceNumber}; children: {Children}")]
    private static partial void LogFinished(ILogger logger, string shardId, string? sequenceNumber, string children);

    private enum CheckpointStep
    {
        Done,
        Rewind,
        LeaseLost,
    }
}
