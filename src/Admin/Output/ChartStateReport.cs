using System.Globalization;
using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary>
/// The chart state of one product and metric on a device (run-rule counters, X-bar subgroup, previous value, EWMA,
/// CUSUM) and the device's latest points of it that the product keeps for charts.
/// </summary>
public sealed record ChartStateReport
{
    public required string ProductId { get; init; }
    public required string Metric { get; init; }

    /// <summary><c>yyyy-MM-dd</c>: the day of the limits the charts are centred on.</summary>
    public required string LimitsDate { get; init; }
    public required DateTime UpdatedAt { get; init; }

    /// <summary>Points in a row above (positive) or below (negative) the center line.</summary>
    public required int SameSide { get; init; }

    /// <summary>Points in a row increasing (positive) or decreasing (negative).</summary>
    public required int Trend { get; init; }
    public required int Alternating { get; init; }
    public required int Within1Sigma { get; init; }
    public required int Beyond1Sigma { get; init; }
    public required int SubgroupCount { get; init; }
    public double? SubgroupMean { get; init; }

    /// <summary>The previous value, from which the next moving range is taken.</summary>
    public double? LastValue { get; init; }
    public double? Ewma { get; init; }
    public required int EwmaPoints { get; init; }
    public required double CusumUpper { get; init; }
    public required int CusumUpperRun { get; init; }
    public required double CusumLower { get; init; }
    public required int CusumLowerRun { get; init; }

    /// <summary>The device's latest points of the series kept by the product (at most <see cref="RecentPointCount"/>), oldest first.</summary>
    public required PointReport[] RecentPoints { get; init; }

    /// <summary>How many recent points are shown.</summary>
    public const int RecentPointCount = 10;

    /// <summary>The report of <paramref name="state"/> with the device's <paramref name="points"/> of the series, oldest first.</summary>
    public static ChartStateReport From(ChartStateView state, IEnumerable<ChartPoint> points) => new()
    {
        ProductId = state.ProductId,
        Metric = state.Metric,
        LimitsDate = state.LimitsDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        UpdatedAt = state.UpdatedAt,
        SameSide = state.SameSide,
        Trend = state.Trend,
        Alternating = state.Alternating,
        Within1Sigma = state.Within1Sigma,
        Beyond1Sigma = state.Beyond1Sigma,
        SubgroupCount = state.SubgroupCount,
        SubgroupMean = state.SubgroupMean,
        LastValue = state.LastValue,
        Ewma = state.Ewma,
        EwmaPoints = state.EwmaPoints,
        CusumUpper = state.CusumUpper,
        CusumUpperRun = state.CusumUpperRun,
        CusumLower = state.CusumLower,
        CusumLowerRun = state.CusumLowerRun,
        RecentPoints = [.. points.TakeLast(RecentPointCount).Select(p => new PointReport { Time = p.Time, Value = p.Value })],
    };
}
