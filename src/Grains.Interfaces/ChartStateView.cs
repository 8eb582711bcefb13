namespace Actors.Grains.Interfaces;

/// <summary>
/// What a device's charts of one product and metric hold between readings: the run-rule counters of the individuals
/// chart, the X-bar subgroup being filled, the previous value (moving range), the EWMA statistic and the CUSUM sums.
/// </summary>
[GenerateSerializer, Immutable, Alias("chart-state-view")]
public sealed record ChartStateView
{
    [Id(0)] public required string ProductId { get; init; }
    [Id(1)] public required string Metric { get; init; }

    /// <summary>The day of the limits the charts are centred on.</summary>
    [Id(2)] public required DateOnly LimitsDate { get; init; }

    /// <summary>Event time (UTC) of the latest value.</summary>
    [Id(3)] public required DateTime UpdatedAt { get; init; }

    /// <summary>Points in a row on one side of the center line: positive above, negative below (Nelson 2).</summary>
    [Id(4)] public required int SameSide { get; init; }

    /// <summary>Points in a row increasing (positive) or decreasing (negative) (Nelson 3).</summary>
    [Id(5)] public required int Trend { get; init; }

    /// <summary>Points in a row alternating up and down (Nelson 4).</summary>
    [Id(6)] public required int Alternating { get; init; }

    /// <summary>Points in a row within 1 sigma (Nelson 7).</summary>
    [Id(7)] public required int Within1Sigma { get; init; }

    /// <summary>Points in a row beyond 1 sigma, either side (Nelson 8).</summary>
    [Id(8)] public required int Beyond1Sigma { get; init; }

    /// <summary>Values in the X-bar subgroup being filled (0 to 4).</summary>
    [Id(9)] public required int SubgroupCount { get; init; }

    /// <summary>Mean of the subgroup being filled; null when it is empty.</summary>
    [Id(10)] public double? SubgroupMean { get; init; }

    /// <summary>The previous value, from which the next moving range is taken; null before the first.</summary>
    [Id(11)] public double? LastValue { get; init; }

    /// <summary>The EWMA statistic z_t; null before the first point of the day.</summary>
    [Id(12)] public double? Ewma { get; init; }

    /// <summary>Points the EWMA has taken since the day's limits.</summary>
    [Id(13)] public required int EwmaPoints { get; init; }

    /// <summary>C⁺ and the points it has been above zero.</summary>
    [Id(14)] public required double CusumUpper { get; init; }
    [Id(15)] public required int CusumUpperRun { get; init; }

    /// <summary>C⁻ and the points it has been above zero.</summary>
    [Id(16)] public required double CusumLower { get; init; }
    [Id(17)] public required int CusumLowerRun { get; init; }
}
