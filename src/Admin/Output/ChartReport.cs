using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary><c>product chart</c> and <c>device chart</c>: the file written and what it shows.</summary>
public sealed record ChartReport
{
    public required string File { get; init; }
    public required ChartKind Chart { get; init; }
    public required string ProductId { get; init; }
    public string? DeviceId { get; init; }
    public required string Metric { get; init; }

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public required string Date { get; init; }

    /// <summary>Points plotted (moving ranges, subgroup means, EWMA statistics, ...).</summary>
    public required int Points { get; init; }

    /// <summary>Values of the day they were computed from.</summary>
    public required int Values { get; init; }

    /// <summary>The chart's parameters (EWMA lambda and L, CUSUM k and h); empty when it has none.</summary>
    public required string Parameters { get; init; }

    /// <summary>The center line; null without limits.</summary>
    public double? Center { get; init; }

    /// <summary>The upper control limit at the last point (H on a CUSUM chart); null without limits.</summary>
    public double? Upper { get; init; }

    /// <summary>The lower control limit at the last point (−H on a CUSUM chart); null without limits.</summary>
    public double? Lower { get; init; }

    /// <summary>The day's limits the chart is centred on.</summary>
    public LimitsReport? Limits { get; init; }
    public required ViolationReport[] Violations { get; init; }

    /// <summary>The report of <paramref name="chart"/> written to <paramref name="file"/>.</summary>
    public static ChartReport From(ControlChart chart, string file) => new()
    {
        File = file,
        Chart = chart.Kind,
        ProductId = chart.ProductId,
        DeviceId = chart.DeviceId,
        Metric = chart.Metric,
        Date = chart.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Points = chart.Points.Length,
        Values = chart.Values,
        Parameters = chart.Parameters,
        Center = chart.Center,
        Upper = chart.Points.LastOrDefault()?.Upper,
        Lower = chart.Kind == ChartKind.Cusum ? chart.LowerPoints.LastOrDefault()?.Lower : chart.Points.LastOrDefault()?.Lower,
        Limits = chart.Limits is { } limits ? LimitsReport.From(limits) : null,
        Violations = [.. chart.Violations.Select(v => new ViolationReport
        {
            Time = chart.Points[v.Index].Time,
            Value = v.Value,
            Label = v.Label,
            Description = v.Description,
        })],
    };
}
