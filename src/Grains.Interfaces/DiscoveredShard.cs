namespace Actors.Grains.Interfaces;

/// <summary>A shard as a worker found it in the stream's shard list.</summary>
[GenerateSerializer, Immutable, Alias("discovered-shard")]
public sealed record DiscoveredShard
{
    [Id(0)] public required string ShardId { get; init; }

    /// <summary>The shards this one continues: none for an original shard, one after a split, two after a merge.</summary>
    [Id(1)] public string[] ParentShardIds { get; init; } = [];

    /// <summary>Whether the shard was closed by a split or merge (it has an ending sequence number).</summary>
    [Id(2)] public bool IsClosed { get; init; }
}
