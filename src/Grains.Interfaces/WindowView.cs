namespace Actors.Grains.Interfaces;

/// <summary>An open z-score window of one metric.</summary>
[GenerateSerializer, Immutable, Alias("window-view")]
public sealed record WindowView
{
    [Id(0)] public required string Metric { get; init; }
    [Id(1)] public required DateTime Start { get; init; }
    [Id(2)] public required DateTime End { get; init; }
    [Id(3)] public required int Count { get; init; }
    [Id(4)] public required double Mean { get; init; }
    [Id(5)] public required double StdDev { get; init; }
}
