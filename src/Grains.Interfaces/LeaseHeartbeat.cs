namespace Actors.Grains.Interfaces;

/// <summary>What a worker tells the lease grain every third of its lease duration.</summary>
[GenerateSerializer, Immutable, Alias("lease-heartbeat")]
public sealed record LeaseHeartbeat
{
    /// <summary>The worker's ID, unique among the workers of the stream (e.g. <c>host-pid-random</c>).</summary>
    [Id(0)] public required string WorkerId { get; init; }

    /// <summary>How long the lease lasts without another heartbeat; the worker stops reading on its own once it passes.</summary>
    [Id(1)] public required TimeSpan LeaseDuration { get; init; }

    /// <summary>The shards the worker found in its latest shard listing, open and closed.</summary>
    [Id(2)] public DiscoveredShard[] Shards { get; init; } = [];

    /// <summary>The shards the worker is reading right now (a reader is running); a shard it was asked to release is free once it is no longer here.</summary>
    [Id(3)] public string[] Held { get; init; } = [];
}
