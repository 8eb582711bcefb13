namespace Actors.Grains.Interfaces;

/// <summary>Readings of one product from one source, with each reading's position in that source, in increasing order.</summary>
[GenerateSerializer, Immutable, Alias("product-batch")]
public sealed record ProductBatch
{
    /// <summary>The source read, stable across restarts (a Kinesis shard) or unique to one run (a replayed file).</summary>
    [Id(0)] public required string Source { get; init; }

    [Id(1)] public required Reading[] Readings { get; init; }

    /// <summary>The position of each reading in <see cref="Source"/> (see <see cref="SourcePosition"/>).</summary>
    [Id(2)] public required string[] Positions { get; init; }

    /// <summary>The position the previous call since the last checkpoint returned; null for the first call after one.</summary>
    [Id(3)] public string? ExpectedPosition { get; init; }

    /// <summary>
    /// Per reading, the moving ranges its device computed (<see cref="JudgeResult.MovingRanges"/>), or null when the
    /// device did not judge it anew; null for none at all.
    /// </summary>
    [Id(4)] public double[]?[]? MovingRanges { get; init; }
}
