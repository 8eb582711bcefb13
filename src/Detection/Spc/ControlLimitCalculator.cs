using Actors.Detection.Statistics;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Spc;

/// <summary>
/// Shewhart control limits: individuals chart <c>mean ± 3 sd</c> and X-bar chart for subgroups of
/// <see cref="SubgroupSize"/> <c>mean ± 3 sd / √5</c>, with the sample standard deviation (n - 1).
/// </summary>
public static class ControlLimitCalculator
{
    /// <summary>Readings per X-bar subgroup.</summary>
    public const int SubgroupSize = 5;

    /// <summary>Width of the limits in standard deviations.</summary>
    public const double Sigmas = 3.0;

    /// <summary>Limits computed from the readings summarized by <paramref name="stats"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than two readings: no sample standard deviation.</exception>
    public static ControlLimits Compute(string productId, string metric, DateOnly date, in RunningStatistics stats)
    {
        if (stats.Count < 2)
        {
            throw new ArgumentOutOfRangeException(
                nameof(stats), stats.Count, "Control limits need at least two readings for a sample standard deviation.");
        }

        return Build(productId, metric, date, stats.Mean, stats.StdDev, stats.Count, LimitSource.Computed);
    }

    /// <summary>
    /// Imported limits from a baseline's mean and standard deviation. Limits the baseline states explicitly are
    /// taken as given; missing ones are derived from <paramref name="mean"/> and <paramref name="stdDev"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A value is not finite, the standard deviation is negative, or a lower limit exceeds its upper limit.</exception>
    public static ControlLimits FromBaseline(
        string productId,
        string metric,
        DateOnly date,
        double mean,
        double stdDev,
        double? uclI = null,
        double? lclI = null,
        double? uclX = null,
        double? lclX = null,
        long count = 0)
    {
        RequireFinite(mean, nameof(mean));
        RequireFinite(stdDev, nameof(stdDev));
        ArgumentOutOfRangeException.ThrowIfNegative(stdDev);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var derived = Build(productId, metric, date, mean, stdDev, count, LimitSource.Imported);
        var limits = derived with
        {
            UclI = uclI ?? derived.UclI,
            LclI = lclI ?? derived.LclI,
            UclX = uclX ?? derived.UclX,
            LclX = lclX ?? derived.LclX,
        };
        RequireFinite(limits.UclI, nameof(uclI));
        RequireFinite(limits.LclI, nameof(lclI));
        RequireFinite(limits.UclX, nameof(uclX));
        RequireFinite(limits.LclX, nameof(lclX));
        if (limits.LclI > limits.UclI)
        {
            throw new ArgumentException($"lcl_i {limits.LclI} exceeds ucl_i {limits.UclI}.", nameof(lclI));
        }

        if (limits.LclX > limits.UclX)
        {
            throw new ArgumentException($"lcl_x {limits.LclX} exceeds ucl_x {limits.UclX}.", nameof(lclX));
        }

        return limits;
    }

    private static ControlLimits Build(
        string productId, string metric, DateOnly date, double mean, double stdDev, long count, LimitSource source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        var individuals = Sigmas * stdDev;
        var subgroupMeans = Sigmas * stdDev / Math.Sqrt(SubgroupSize);
        return new ControlLimits
        {
            ProductId = productId,
            Metric = metric,
            Date = date,
            Mean = mean,
            StdDev = stdDev,
            Count = count,
            UclI = mean + individuals,
            LclI = mean - individuals,
            UclX = mean + subgroupMeans,
            LclX = mean - subgroupMeans,
            Source = source,
        };
    }

    private static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{name} must be a finite number, got {value}.", name);
        }
    }
}
