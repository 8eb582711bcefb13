namespace Actors.Grains.Interfaces;

/// <summary>What a product grain did with one <see cref="ProductBatch"/>.</summary>
[GenerateSerializer, Immutable, Alias("accumulate-result")]
public sealed record AccumulateResult
{
    /// <summary>Readings added to the aggregates.</summary>
    [Id(0)] public int Counted { get; init; }

    /// <summary>Readings at or before the source's position already counted (a source read again after a restart).</summary>
    [Id(1)] public int Duplicates { get; init; }

    /// <summary>The source's position counted so far; the caller passes it back with its next batch.</summary>
    [Id(2)] public string? Position { get; init; }

    /// <summary>
    /// Nothing was counted: the product's state is older than the caller expected (reloaded from storage after a silo
    /// failure), so the caller must re-read its source from the last checkpoint.
    /// </summary>
    [Id(3)] public bool Behind { get; init; }
}
