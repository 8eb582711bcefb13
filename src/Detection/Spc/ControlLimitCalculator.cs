using Actors.Detection.Spc.Charts;
using Actors.Detection.Statistics;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Spc;

/// <summary>
/// Shewhart control limits: individuals chart <c>mean ± 3 sigma</c> and X-bar chart for subgroups of
/// <see cref="SubgroupSize"/> <c>mean ± 3 sigma / √5</c>, sigma being the sample standard deviation (n - 1) or
/// MR-bar / 1.128.
/// </summary>
public static class ControlLimitCalculator
{
    /// <summary>Readings per X-bar subgroup.</summary>
    public const int SubgroupSize = 5;

    /// <summary>Width of the limits in standard deviations.</summary>
    public const double Sigmas = 3.0;

    /// <summary>
    /// Limits computed from the readings summarized by <paramref name="stats"/>, with sigma the sample standard
    /// deviation or, with <see cref="SigmaEstimate.MovingRange"/> and a moving range, <paramref name="mrBar"/> / 1.128.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than two readings: no sample standard deviation.</exception>
    public static ControlLimits Compute(
        string productId,
        string metric,
        DateOnly date,
        in RunningStatistics stats,
        double? mrBar = null,
        SigmaEstimate estimate = SigmaEstimate.SampleStdDev)
    {
        if (stats.Count < 2)
        {
            throw new ArgumentOutOfRangeException(
                nameof(stats), stats.Count, "Control limits need at least two readings for a sample standard deviation.");
        }

        var byMovingRange = estimate == SigmaEstimate.MovingRange && mrBar is not null;
        var sigma = byMovingRange ? MovingRangeChart.Sigma(mrBar!.Value) : stats.StdDev;
        return Build(productId, metric, date, stats.Mean, stats.StdDev, sigma, stats.Count, LimitSource.Computed) with
        {
            MrBar = mrBar,
            SigmaEstimate = byMovingRange ? SigmaEstimate.MovingRange : SigmaEstimate.SampleStdDev,
        };
    }

    /// <summary>The sigma <paramref name="limits"/> were computed with: MR-bar / 1.128 or the standard deviation.</summary>
    public static double Sigma(ControlLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits is { SigmaEstimate: SigmaEstimate.MovingRange, MrBar: { } mrBar } ? MovingRangeChart.Sigma(mrBar) : limits.StdDev;
    }

    /// <summary>Center line of the moving-range chart: MR-bar, or d2 · sigma for limits that carry none.</summary>
    public static double MovingRangeCenter(ControlLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits.MrBar ?? MovingRangeChart.D2 * limits.StdDev;
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
        var derived = Build(productId, metric, date, mean, stdDev, stdDev, count, LimitSource.Imported);
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
        string productId, string metric, DateOnly date, double mean, double stdDev, double sigma, long count, LimitSource source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        var individuals = Sigmas * sigma;
        var subgroupMeans = Sigmas * sigma / Math.Sqrt(SubgroupSize);
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
