using Actors.Detection.Spc;
using Actors.Detection.Statistics;
using Actors.Grains.Interfaces;
using MathNet.Numerics.Statistics;
using RunningStatistics = Actors.Detection.Statistics.RunningStatistics;
using Xunit;

namespace Actors.Detection.Tests.Spc;

public sealed class ControlLimitCalculatorTests
{
    private static readonly DateOnly Day = new(2026, 2, 17);

    [Fact]
    public void Compute_applies_the_individuals_and_x_bar_formulas()
    {
        var stats = Of(1, 2, 3, 4, 5);

        var limits = ControlLimitCalculator.Compute("B205", "thickness", Day, stats);

        var sd = Math.Sqrt(2.5);
        Assert.Equal("B205", limits.ProductId);
        Assert.Equal("thickness", limits.Metric);
        Assert.Equal(Day, limits.Date);
        Assert.Equal(5, limits.Count);
        Assert.Equal(LimitSource.Computed, limits.Source);
        Assert.Equal(3, limits.Mean);
        Assert.Equal(sd, limits.StdDev);
        Assert.Equal(3 + 3 * sd, limits.UclI, 12);
        Assert.Equal(3 - 3 * sd, limits.LclI, 12);
        Assert.Equal(3 + 3 * sd / Math.Sqrt(5), limits.UclX, 12);
        Assert.Equal(3 - 3 * sd / Math.Sqrt(5), limits.LclX, 12);
    }

    [Fact]
    public void Compute_matches_MathNet_on_random_data()
    {
        var random = new Random(5);
        var values = Enumerable.Range(0, 4_321).Select(_ => 50 + random.NextDouble() - 0.5).ToArray();
        var mean = values.Mean();
        var sd = values.StandardDeviation();

        var limits = ControlLimitCalculator.Compute("B205", "thickness", Day, Of(values));

        Assert.Equal(mean, limits.Mean, 1e-10);
        Assert.Equal(sd, limits.StdDev, 1e-12);
        Assert.Equal(mean + 3 * sd, limits.UclI, 1e-10);
        Assert.Equal(mean - 3 * sd, limits.LclI, 1e-10);
        Assert.Equal(mean + 3 * sd / Math.Sqrt(5), limits.UclX, 1e-10);
        Assert.Equal(mean - 3 * sd / Math.Sqrt(5), limits.LclX, 1e-10);
        Assert.Equal(values.Length, limits.Count);
    }

    [Fact]
    public void Compute_needs_two_readings()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlLimitCalculator.Compute("B205", "thickness", Day, Of(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlLimitCalculator.Compute("B205", "thickness", Day, default));
    }

    [Fact]
    public void FromBaseline_keeps_stated_limits_and_marks_them_imported()
    {
        var limits = ControlLimitCalculator.FromBaseline(
            "B205", "thickness", Day, 50.0, 0.5, uclI: 51.5, lclI: 48.5, uclX: 50.67, lclX: 49.33);

        Assert.Equal(LimitSource.Imported, limits.Source);
        Assert.Equal(0, limits.Count);
        Assert.Equal(50.0, limits.Mean);
        Assert.Equal(0.5, limits.StdDev);
        Assert.Equal(51.5, limits.UclI);
        Assert.Equal(48.5, limits.LclI);
        Assert.Equal(50.67, limits.UclX);
        Assert.Equal(49.33, limits.LclX);
        Assert.Equal("2026-02-17", limits.DateKey);
    }

    [Fact]
    public void FromBaseline_derives_missing_limits_from_mean_and_standard_deviation()
    {
        var limits = ControlLimitCalculator.FromBaseline("B205", "thickness", Day, 50.0, 0.5, uclI: 52);

        Assert.Equal(52, limits.UclI);
        Assert.Equal(48.5, limits.LclI, 12);
        Assert.Equal(50 + 1.5 / Math.Sqrt(5), limits.UclX, 12);
        Assert.Equal(50 - 1.5 / Math.Sqrt(5), limits.LclX, 12);
    }

    [Fact]
    public void FromBaseline_rejects_impossible_baselines()
    {
        Assert.Throws<ArgumentException>(() => ControlLimitCalculator.FromBaseline("B205", "thickness", Day, double.NaN, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlLimitCalculator.FromBaseline("B205", "thickness", Day, 50, -0.5));
        Assert.Throws<ArgumentException>(() => ControlLimitCalculator.FromBaseline("B205", "thickness", Day, 50, 0.5, uclI: 48, lclI: 49));
        Assert.Throws<ArgumentException>(() => ControlLimitCalculator.FromBaseline("", "thickness", Day, 50, 0.5));
    }

    private static RunningStatistics Of(params double[] values)
    {
        var stats = default(RunningStatistics);
        foreach (var value in values)
        {
            stats.Add(value);
        }

        return stats;
    }
}
