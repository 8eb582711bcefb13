using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary>The aggregate of one metric over a product's retained history.</summary>
public sealed record AggregateReport
{
    public required string Metric { get; init; }
    public required long Count { get; init; }
    public required double Mean { get; init; }
    public required double StdDev { get; init; }
    public required DateTime From { get; init; }
    public required DateTime To { get; init; }
    public required int Buckets { get; init; }

    /// <summary>The report of <paramref name="aggregate"/>.</summary>
    public static AggregateReport Of(AggregateView aggregate) => new()
    {
        Metric = aggregate.Metric,
        Count = aggregate.Count,
        Mean = aggregate.Mean,
        StdDev = aggregate.StdDev,
        From = aggregate.From,
        To = aggregate.To,
        Buckets = aggregate.Buckets,
    };
}
