namespace Actors.Grains.Interfaces;

/// <summary>Statistical-process-control limits of one product and metric for one day.</summary>
[GenerateSerializer, Immutable, Alias("control-limits")]
public sealed record ControlLimits
{
    [Id(0)] public required string ProductId { get; init; }
    [Id(1)] public required string Metric { get; init; }

    /// <summary>The day the limits apply to (in the configured SPC time zone).</summary>
    [Id(2)] public required DateOnly Date { get; init; }
    [Id(3)] public required double Mean { get; init; }

    /// <summary>Sample standard deviation (n - 1).</summary>
    [Id(4)] public required double StdDev { get; init; }

    /// <summary>Number of readings the limits were computed from (0 when imported without a count).</summary>
    [Id(5)] public required long Count { get; init; }

    /// <summary>Individuals chart: mean + 3 sigma (see <see cref="SigmaEstimate"/>).</summary>
    [Id(6)] public required double UclI { get; init; }

    /// <summary>Individuals chart: mean - 3 sigma.</summary>
    [Id(7)] public required double LclI { get; init; }

    /// <summary>X-bar chart (subgroup of 5): mean + 3 sigma / sqrt(5).</summary>
    [Id(8)] public required double UclX { get; init; }

    /// <summary>X-bar chart (subgroup of 5): mean - 3 sigma / sqrt(5).</summary>
    [Id(9)] public required double LclX { get; init; }
    [Id(10)] public required LimitSource Source { get; init; }

    /// <summary>Average moving range of consecutive readings of each device in the window; null when imported without one.</summary>
    [Id(11)] public double? MrBar { get; init; }

    /// <summary>The sigma the individuals and X-bar limits were computed with.</summary>
    [Id(12)] public SigmaEstimate SigmaEstimate { get; init; }

    /// <summary>The date as the baseline format writes it, e.g. <c>2026-02-17</c>.</summary>
    public string DateKey => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
