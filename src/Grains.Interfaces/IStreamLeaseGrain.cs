namespace Actors.Grains.Interfaces;

/// <summary>
/// The lease holder of one Kinesis stream (key = stream name): decides which ingestor worker reads which shard and
/// keeps each shard's checkpoint.
/// </summary>
/// <remarks>
/// A grain is a natural lease holder: Orleans keeps at most one activation of it in the cluster and runs its calls
/// one at a time, so every lease decision is made in one place, in order, without the conditional writes and clock
/// arithmetic a DynamoDB lease table needs; the persisted state only has to survive a silo failover.
/// Workers call <see cref="Heartbeat"/> every third of their lease duration. A worker not heard from for its lease
/// duration has expired and its shards go to the others. A shard moves from one live worker to another only after
/// the first has been told to release it and its next heartbeat no longer holds it, so no shard is read by two
/// workers at once. A child shard (after a split or merge) is leased only once all its parents have been read to
/// their end.
/// </remarks>
[Alias("stream-lease")]
public interface IStreamLeaseGrain : IGrainWithStringKey
{
    /// <summary>
    /// Renews the worker's lease, merges the shards it discovered, frees the shards it has stopped reading after being
    /// asked to, rebalances, and returns the shards the worker owns now with the checkpoint to resume each from.
    /// </summary>
    [Alias("heartbeat")]
    [DataPlaneOperation]
    Task<LeaseAssignment> Heartbeat(LeaseHeartbeat heartbeat);

    /// <summary>
    /// Records that the worker's readings up to <paramref name="sequenceNumber"/> of <paramref name="shardId"/> are
    /// accepted by the grains; with <paramref name="shardEnded"/> the shard is also finished (read to its end), which
    /// frees it and lets its children be leased. Returns false, and moves nothing, when the worker does not own the
    /// shard (any more): the worker must then stop reading it.
    /// </summary>
    [Alias("checkpoint")]
    [DataPlaneOperation]
    Task<bool> Checkpoint(string workerId, string shardId, string? sequenceNumber, bool shardEnded);

    /// <summary>
    /// The worker stops for good: its shards are free at once instead of after its lease expires. Call only after the
    /// worker has stopped reading every shard.
    /// </summary>
    [Alias("leave")]
    [DataPlaneOperation]
    Task Leave(string workerId);

    /// <summary>Every known shard with its owner and checkpoint, and every live worker, for inspection and tests.</summary>
    [Alias("snapshot")]
    Task<StreamLeaseSnapshot> GetSnapshot();
}
