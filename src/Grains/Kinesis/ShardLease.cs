namespace Actors.Grains.Kinesis;

/// <summary>One shard's lease and checkpoint; stored as an item of its own (<see cref="StreamLeaseStore"/>), so a checkpoint writes this shard only.</summary>
[GenerateSerializer, Alias("shard-lease")]
public sealed class ShardLease
{
    [Id(0)] public required string ShardId { get; init; }

    /// <summary>The shards this one continues (one after a split, two after a merge).</summary>
    [Id(1)] public string[] ParentShardIds { get; set; } = [];

    [Id(2)] public bool IsClosed { get; set; }

    /// <summary>The worker that reads it; null when free.</summary>
    [Id(3)] public string? Owner { get; set; }

    /// <summary>The owner has been told to release the shard; it stays the owner until its heartbeat no longer holds it.</summary>
    [Id(4)] public bool Releasing { get; set; }

    /// <summary>The last sequence number whose readings the grains accepted.</summary>
    [Id(5)] public string? Checkpoint { get; set; }

    /// <summary>Read to its end; never leased again.</summary>
    [Id(6)] public bool Finished { get; set; }
}
