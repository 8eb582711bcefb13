namespace Actors.Grains.Interfaces;

/// <summary>The lease grain's answer to a heartbeat.</summary>
[GenerateSerializer, Immutable, Alias("lease-assignment")]
public sealed record LeaseAssignment
{
    /// <summary>The shards the worker owns: it reads exactly these and stops reading any other.</summary>
    [Id(0)] public ShardAssignment[] Shards { get; init; } = [];

    /// <summary>Live workers of the stream, this one included.</summary>
    [Id(1)] public int Workers { get; init; }

    /// <summary>Shards that can be read now: not finished, and every parent finished.</summary>
    [Id(2)] public int EligibleShards { get; init; }
}
