using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary><c>product chart</c> and <c>device chart</c>: the file written and what it shows.</summary>
public sealed record ChartReport
{
    public required string File { get; init; }
    public required string ProductId { get; init; }
    public string? DeviceId { get; init; }
    public required string Metric { get; init; }

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public required string Date { get; init; }
    public required int Points { get; init; }
    public LimitsReport? Limits { get; init; }
    public required ViolationReport[] Violations { get; init; }

    /// <summary>The report of <paramref name="chart"/> written to <paramref name="file"/>.</summary>
    public static ChartReport From(ControlChart chart, string file) => new()
    {
        File = file,
        ProductId = chart.ProductId,
        DeviceId = chart.DeviceId,
        Metric = chart.Metric,
        Date = chart.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Points = chart.Points.Length,
        Limits = chart.Limits is { } limits ? LimitsReport.From(limits) : null,
        Violations = [.. chart.Violations.Select(v => new ViolationReport
        {
            Time = chart.Points[v.Index].Time,
            Value = chart.Points[v.Index].Value,
            Label = v.Label,
            Description = v.Description,
        })],
    };
}
