namespace Actors.Grains.Kinesis;

/// <summary>
/// The stream-wide part of a stream's leases, stored as one small item beside one item per <see cref="ShardLease"/>
/// (<see cref="StreamLeaseStore"/>): written only when a worker joins or leaves or the stream's shards change, never by
/// a checkpoint or a plain heartbeat.
/// </summary>
[GenerateSerializer, Alias("stream-lease-head")]
public sealed class StreamLeaseHead
{
    [Id(0)] public Dictionary<string, WorkerLease> Workers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Every known shard with the shards it continues: which shard items to read, and the order in which shards may be
    /// read even when a shard's item was never written.
    /// </summary>
    [Id(1)] public Dictionary<string, string[]> Shards { get; set; } = new(StringComparer.Ordinal);
}
