namespace Actors.Grains.Interfaces;

/// <summary>
/// A control chart to draw: a statistic of a product metric's recent points (of one device or of all), its center line
/// and limits, and the points that broke a rule, labelled.
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

    /// <summary>The day's limits; null when the day has none.</summary>
    [Id(4)] public ControlLimits? Limits { get; init; }

    /// <summary>The plotted points of the day, oldest first (on a CUSUM chart, C⁺).</summary>
    [Id(5)] public ChartPoint[] Points { get; init; } = [];

    /// <summary>Points beyond the limits or completing a configured run-rule test.</summary>
    [Id(6)] public ChartViolation[] Violations { get; init; } = [];

    /// <summary>Which chart this is.</summary>
    [Id(7)] public ChartKind Kind { get; init; }

    /// <summary>The center line; null without limits.</summary>
    [Id(8)] public double? Center { get; init; }

    /// <summary>CUSUM only: −C⁻ at each point of <see cref="Points"/>, drawn below zero against −H; empty otherwise.</summary>
    [Id(9)] public ChartPoint[] LowerPoints { get; init; } = [];

    /// <summary>What the chart's parameters were, e.g. <c>lambda 0.2, L 3</c>; empty when it has none.</summary>
    [Id(10)] public string Parameters { get; init; } = "";

    /// <summary>Values of the day the chart was computed from (a moving range or subgroup needs several).</summary>
    [Id(11)] public int Values { get; init; }
}
