using Actors.Aws.Kinesis;
using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Actors.Ingestor.DeadLetters;
using Actors.Ingestor.Pipeline;
using Microsoft.Extensions.Logging;

namespace Actors.Ingestor.Kinesis;

/// <summary>What every shard reader of one worker shares.</summary>
internal sealed class ShardReadContext
{
    public required string StreamName { get; init; }
    public required string WorkerId { get; init; }
    public required KinesisIngestOptions Options { get; init; }
    public required IKinesisClient Kinesis { get; init; }
    /// <summary>
    /// The stream's lease grain, resolved at each use: the worker is built before a cluster client has connected, and a
    /// client resolves a grain interface only once it has the cluster's manifest.
    /// </summary>
    public IStreamLeaseGrain Leases => Grains.GetGrain<IStreamLeaseGrain>(StreamName);
    public required IGrainFactory Grains { get; init; }
    /// <summary>Bounds the grain calls of all the worker's shards together (<see cref="KinesisIngestOptions.MaxGrainCallsInFlight"/>).</summary>
    public required GrainCallGate GrainCalls { get; init; }
    public required CheckpointOptions Checkpoints { get; init; }
    /// <summary>Takes the checkpoints of all the worker's shards together.</summary>
    public required CheckpointRounds Rounds { get; init; }
    public required ReadingParser Parser { get; init; }
    public required RejectionLog Rejections { get; init; }
    public required IDeadLetterSink DeadLetters { get; init; }
    public required KinesisIngestMetrics Metrics { get; init; }
    public required AlertLatencyMetrics AlertLatency { get; init; }
    public required RunSummary Summary { get; init; }
    public required TimeProvider Time { get; init; }
    public required ILogger Logger { get; init; }

    private long _firstRecordTicks = -1;
    private long _lastBatchTicks = -1;
    private long _lastActivityTicks = -1;

    /// <summary>When a reader first got records (UTC); null before the first.</summary>
    public DateTimeOffset? FirstRecordAt => FromTicks(Interlocked.Read(ref _firstRecordTicks));

    /// <summary>When a reader last completed a batch of records, dispatched and checkpointed (UTC); null before the first.</summary>
    public DateTimeOffset? LastBatchAt => FromTicks(Interlocked.Read(ref _lastBatchTicks));

    /// <summary>When a reader last got records or completed a batch (UTC); null before the first.</summary>
    public DateTimeOffset? LastActivityAt => FromTicks(Interlocked.Read(ref _lastActivityTicks));

    /// <summary>Notes that a reader got records now.</summary>
    public void RecordsArrived()
    {
        var now = Time.GetUtcNow().UtcTicks;
        Interlocked.CompareExchange(ref _firstRecordTicks, now, -1);
        Interlocked.Exchange(ref _lastActivityTicks, now);
    }

    /// <summary>Notes that a reader dispatched and checkpointed a batch of records now.</summary>
    public void BatchCompleted()
    {
        var now = Time.GetUtcNow().UtcTicks;
        Interlocked.Exchange(ref _lastBatchTicks, now);
        Interlocked.Exchange(ref _lastActivityTicks, now);
    }

    private static DateTimeOffset? FromTicks(long ticks) => ticks < 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
}
