using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary>A reading: event time (UTC), product, and its metrics by name.</summary>
public sealed record ReadingReport
{
    public required DateTime Timestamp { get; init; }
    public string? ProductId { get; init; }
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>The report of <paramref name="reading"/>; a metric named twice keeps its last value.</summary>
    public static ReadingReport From(Reading reading)
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var metric in reading.Metrics)
        {
            metrics[metric.Name] = metric.Value;
        }
        return new ReadingReport { Timestamp = reading.Timestamp, ProductId = reading.ProductId, Metrics = metrics };
    }
}
