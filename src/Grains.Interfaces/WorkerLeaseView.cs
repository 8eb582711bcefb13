namespace Actors.Grains.Interfaces;

/// <summary>One live worker of a stream, for inspection.</summary>
[GenerateSerializer, Immutable, Alias("worker-lease-view")]
public sealed record WorkerLeaseView
{
    [Id(0)] public required string WorkerId { get; init; }

    /// <summary>When the lease grain last heard a heartbeat (UTC; after a reactivation, the reactivation time).</summary>
    [Id(1)] public required DateTime LastSeen { get; init; }
    [Id(2)] public required TimeSpan LeaseDuration { get; init; }

    /// <summary>Shards it owns, the ones it is releasing included.</summary>
    [Id(3)] public int OwnedShards { get; init; }
}
