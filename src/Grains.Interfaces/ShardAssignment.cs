namespace Actors.Grains.Interfaces;

/// <summary>A shard a worker owns, and where to resume reading it.</summary>
[GenerateSerializer, Immutable, Alias("shard-assignment")]
public sealed record ShardAssignment
{
    [Id(0)] public required string ShardId { get; init; }

    /// <summary>The last sequence number whose readings the grains accepted; read after it. Null when the shard was never checkpointed.</summary>
    [Id(1)] public string? Checkpoint { get; init; }

    /// <summary>
    /// True when the shard is the child of shards that were read to their end here: without a checkpoint it is read from
    /// its first record (TRIM_HORIZON), whatever the configured initial position, so nothing between parent and child is skipped.
    /// </summary>
    [Id(2)] public bool AfterParents { get; init; }
}
