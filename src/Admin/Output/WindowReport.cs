using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary>An open z-score window of one metric: [start, end), values so far, their mean and sample standard deviation.</summary>
public sealed record WindowReport
{
    public required string Metric { get; init; }
    public required DateTime Start { get; init; }
    public required DateTime End { get; init; }
    public required int Count { get; init; }
    public required double Mean { get; init; }
    public required double StdDev { get; init; }

    /// <summary>The report of <paramref name="window"/>.</summary>
    public static WindowReport From(WindowView window) => new()
    {
        Metric = window.Metric,
        Start = window.Start,
        End = window.End,
        Count = window.Count,
        Mean = window.Mean,
        StdDev = window.StdDev,
    };
}
