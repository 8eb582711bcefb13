namespace Actors.Grains.Interfaces;

/// <summary>The leases of one stream, for inspection and tests.</summary>
[GenerateSerializer, Immutable, Alias("stream-lease-snapshot")]
public sealed record StreamLeaseSnapshot
{
    /// <summary>Every known shard, by shard ID.</summary>
    [Id(0)] public ShardLeaseView[] Shards { get; init; } = [];

    /// <summary>Live workers, by worker ID.</summary>
    [Id(1)] public WorkerLeaseView[] Workers { get; init; } = [];
}
