namespace Actors.Grains.Kinesis;

/// <summary>
/// Every known shard and every live worker of one stream, as the lease grain holds them in memory. Stored as a
/// <see cref="StreamLeaseHead"/> and one item per shard (<see cref="StreamLeaseStore"/>); until that layout, stored
/// whole as one item, which still loads.
/// </summary>
[GenerateSerializer, Alias("stream-lease-state")]
public sealed class StreamLeaseState
{
    [Id(0)] public Dictionary<string, ShardLease> Shards { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public Dictionary<string, WorkerLease> Workers { get; set; } = new(StringComparer.Ordinal);
}
