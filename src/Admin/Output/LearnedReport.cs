using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary>One learned series of a device: readings learned, the range of values seen, its usual surprise and the latest score.</summary>
public sealed record LearnedReport
{
    public required string Metric { get; init; }
    public required long Readings { get; init; }
    public required double Min { get; init; }
    public required double Max { get; init; }
    public required double TypicalSurprise { get; init; }
    public required double LastScore { get; init; }

    /// <summary>The report of <paramref name="view"/>.</summary>
    public static LearnedReport From(LearnedView view) => new()
    {
        Metric = view.Metric,
        Readings = view.Readings,
        Min = view.Min,
        Max = view.Max,
        TypicalSurprise = view.TypicalSurprise,
        LastScore = view.LastScore,
    };
}
