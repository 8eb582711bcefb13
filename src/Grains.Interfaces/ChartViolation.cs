namespace Actors.Grains.Interfaces;

/// <summary>A point of a control chart that broke a rule.</summary>
[GenerateSerializer, Immutable, Alias("chart-violation")]
public sealed record ChartViolation
{
    /// <summary>Index of the point in <see cref="ControlChart.Points"/> (and <see cref="ControlChart.LowerPoints"/>).</summary>
    [Id(0)] public required int Index { get; init; }

    /// <summary>
    /// Short label drawn at the point: the Nelson test number, <c>P</c> beyond the individuals limits, <c>X</c> beyond
    /// the X-bar limits, <c>MR</c>, <c>E</c> (EWMA), <c>C+</c> or <c>C-</c> (CUSUM).
    /// </summary>
    [Id(1)] public required string Label { get; init; }

    /// <summary>What the rule says, e.g. <c>Nelson 2: 9 points in a row above the center line</c>.</summary>
    [Id(2)] public required string Description { get; init; }

    /// <summary>The plotted value marked (on a CUSUM chart, C⁺ or −C⁻).</summary>
    [Id(3)] public required double Value { get; init; }
}
