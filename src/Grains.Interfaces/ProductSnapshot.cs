namespace Actors.Grains.Interfaces;

/// <summary>What a product grain holds, for inspection.</summary>
[GenerateSerializer, Immutable, Alias("product-snapshot")]
public sealed record ProductSnapshot
{
    [Id(0)] public required string ProductId { get; init; }

    /// <summary>Limits of recent days, newest first.</summary>
    [Id(1)] public ControlLimits[] Limits { get; init; } = [];
    [Id(2)] public AggregateView[] Aggregates { get; init; } = [];
    [Id(3)] public long Readings { get; init; }
    [Id(4)] public long Duplicates { get; init; }

    /// <summary>Capability of each metric with specification limits, over the limits window of the latest reading's day.</summary>
    [Id(5)] public ProcessCapability[] Capability { get; init; } = [];
}
