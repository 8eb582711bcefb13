namespace Actors.Grains.Interfaces;

/// <summary>Aggregate of one metric over the retained history of a product.</summary>
[GenerateSerializer, Immutable, Alias("aggregate-view")]
public sealed record AggregateView
{
    [Id(0)] public required string Metric { get; init; }
    [Id(1)] public required long Count { get; init; }
    [Id(2)] public required double Mean { get; init; }
    [Id(3)] public required double StdDev { get; init; }
    [Id(4)] public required DateTime From { get; init; }
    [Id(5)] public required DateTime To { get; init; }
    [Id(6)] public required int Buckets { get; init; }
}
