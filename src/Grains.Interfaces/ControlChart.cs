namespace Actors.Grains.Interfaces;

/// <summary>
/// An individuals control chart to draw: a product metric's recent points (of one device or of all), the day's limits,
/// and the points that broke a rule, labelled.
/// </summary>
[GenerateSerializer, Immutable, Alias("control-chart")]
public sealed record ControlChart
{
    [Id(0)] public required string ProductId { get; init; }

    /// <summary>The device whose points these are; null for every device of the product.</summary>
    [Id(1)] public string? DeviceId { get; init; }
    [Id(2)] public required string Metric { get; init; }

    /// <summary>The SPC day charted.</summary>
    [Id(3)] public required DateOnly Date { get; init; }

    /// <summary>The day's limits; null when the day has none (points only).</summary>
    [Id(4)] public ControlLimits? Limits { get; init; }

    /// <summary>The points of the day still kept, oldest first.</summary>
    [Id(5)] public ChartPoint[] Points { get; init; } = [];

    /// <summary>Points beyond the limits or completing a configured run-rule test.</summary>
    [Id(6)] public ChartViolation[] Violations { get; init; } = [];
}
