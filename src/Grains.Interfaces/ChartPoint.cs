namespace Actors.Grains.Interfaces;

/// <summary>One plotted value of a control chart, with the control limits at that point.</summary>
[GenerateSerializer, Immutable, Alias("chart-point")]
public sealed record ChartPoint
{
    /// <summary>Event time, UTC (of the subgroup's last value on an X-bar chart).</summary>
    [Id(0)] public required DateTime Time { get; init; }

    /// <summary>The plotted statistic: the value, moving range, subgroup mean, EWMA statistic, C⁺, or −C⁻.</summary>
    [Id(1)] public required double Value { get; init; }

    /// <summary>Upper control limit at this point; null without limits.</summary>
    [Id(2)] public double? Upper { get; init; }

    /// <summary>Lower control limit at this point; null without limits (and on the upper CUSUM).</summary>
    [Id(3)] public double? Lower { get; init; }
}
