namespace Actors.Grains.Interfaces;

/// <summary>One value of a control chart.</summary>
[GenerateSerializer, Immutable, Alias("chart-point")]
public sealed record ChartPoint
{
    /// <summary>Event time, UTC.</summary>
    [Id(0)] public required DateTime Time { get; init; }
    [Id(1)] public required double Value { get; init; }
}
