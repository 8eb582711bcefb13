using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary><c>product show</c>: reading counters, control limits of recent days (newest first) and aggregates.</summary>
public sealed record ProductReport
{
    public required string ProductId { get; init; }
    public required long Readings { get; init; }
    public required long Duplicates { get; init; }
    public required LimitsReport[] Limits { get; init; }
    public required AggregateReport[] Aggregates { get; init; }

    /// <summary>Capability of each metric with specification limits, over the limits window of the latest reading's day.</summary>
    public required ProcessCapability[] Capability { get; init; }

    /// <summary>The report of <paramref name="snapshot"/>.</summary>
    public static ProductReport From(ProductSnapshot snapshot) => new()
    {
        ProductId = snapshot.ProductId,
        Readings = snapshot.Readings,
        Duplicates = snapshot.Duplicates,
        Limits = [.. snapshot.Limits.OrderByDescending(l => l.Date).ThenBy(l => l.Metric, StringComparer.Ordinal).Select(LimitsReport.From)],
        Aggregates = [.. snapshot.Aggregates.OrderBy(a => a.Metric, StringComparer.Ordinal).Select(AggregateReport.Of)],
        Capability = [.. snapshot.Capability.OrderBy(c => c.Metric, StringComparer.Ordinal)],
    };
}
