using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary>The X-bar series of one product and metric on a device: its last values (at most five) and their mean.</summary>
public sealed record SeriesReport
{
    public required string ProductId { get; init; }
    public required string Metric { get; init; }
    public required double[] Values { get; init; }
    public double? Mean { get; init; }

    /// <summary>The report of <paramref name="series"/>.</summary>
    public static SeriesReport From(SeriesView series) => new()
    {
        ProductId = series.ProductId,
        Metric = series.Metric,
        Values = series.Values,
        Mean = series.Values.Length == 0 ? null : series.Values.Average(),
    };
}
