namespace Actors.Grains.Interfaces;

/// <summary>One shard's lease, for inspection.</summary>
[GenerateSerializer, Immutable, Alias("shard-lease-view")]
public sealed record ShardLeaseView
{
    [Id(0)] public required string ShardId { get; init; }
    [Id(1)] public string[] ParentShardIds { get; init; } = [];
    [Id(2)] public bool IsClosed { get; init; }

    /// <summary>The worker that reads it; null when free.</summary>
    [Id(3)] public string? Owner { get; init; }

    /// <summary>The owner has been asked to release it and has not yet confirmed that it stopped reading.</summary>
    [Id(4)] public bool Releasing { get; init; }
    [Id(5)] public string? Checkpoint { get; init; }

    /// <summary>Read to its end (checkpointed at shard end); never leased again.</summary>
    [Id(6)] public bool Finished { get; init; }

    /// <summary>Not finished and every parent finished: it may be leased.</summary>
    [Id(7)] public bool Eligible { get; init; }
}
