using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary>The control limits of one product, metric and day, and where they came from.</summary>
public sealed record LimitsReport
{
    /// <summary><c>yyyy-MM-dd</c>, as the baseline format writes it.</summary>
    public required string Date { get; init; }
    public required string Metric { get; init; }
    public required LimitSource Source { get; init; }
    public required double Mean { get; init; }
    public required double StdDev { get; init; }
    public required long Count { get; init; }
    public required double UclI { get; init; }
    public required double LclI { get; init; }
    public required double UclX { get; init; }
    public required double LclX { get; init; }

    /// <summary>Average moving range in the window; null when imported without one.</summary>
    public double? MrBar { get; init; }
    public required SigmaEstimate SigmaEstimate { get; init; }

    /// <summary>The report of <paramref name="limits"/>.</summary>
    public static LimitsReport From(ControlLimits limits) => new()
    {
        Date = limits.DateKey,
        Metric = limits.Metric,
        Source = limits.Source,
        Mean = limits.Mean,
        StdDev = limits.StdDev,
        Count = limits.Count,
        UclI = limits.UclI,
        LclI = limits.LclI,
        UclX = limits.UclX,
        LclX = limits.LclX,
        MrBar = limits.MrBar,
        SigmaEstimate = limits.SigmaEstimate,
    };
}
