using Actors.Detection.Spc;
using Actors.Detection.Spc.Charts;
using Actors.Grains.Interfaces;
using MathNet.Numerics.Statistics;
using Xunit;
using static Actors.Detection.Tests.Spc.TestReadings;

namespace Actors.Detection.Tests.Spc;

/// <summary>What the product grain's history adds for the charts: MR-bar, the sigma estimate, capability, chart points.</summary>
public sealed class ProductHistoryChartTests
{
    private static readonly DateOnly Day = new(2026, 2, 17);
    private static readonly DateTime DayStart = new(2026, 2, 17, 0, 0, 0, DateTimeKind.Utc);
    private static readonly SpcOptions Settings = new();
    private static readonly SpecLimits Spec = new(49.85, 50.2, 50);

    [Fact]
    public void MR_bar_sigma_estimate_and_capability_match_plain_computations_over_the_window()
    {
        var readings = Line(3, DayStart.AddHours(-80), TimeSpan.FromHours(82), "M-001", "M-002", "M-003");
        var history = new ProductHistory();
        var movingRanges = MovingRanges(readings);
        for (var i = 0; i < readings.Count; i++)
        {
            history.Add(readings[i], movingRanges[i], specOf: metric => metric == "thickness" ? Spec : null);
        }

        var inWindow = readings.Where(r => r.Timestamp >= DayStart.AddHours(-72) && r.Timestamp < DayStart).ToList();
        var values = inWindow.Select(r => r.Metrics[0].Value).ToArray();
        var ranges = readings.GroupBy(r => r.DeviceId)
            .SelectMany(device => device.OrderBy(r => r.Timestamp).Zip(device.OrderBy(r => r.Timestamp).Skip(1)))
            .Where(pair => ProductHistory.BucketStart(pair.Second.Timestamp) >= DayStart.AddHours(-72) && pair.Second.Timestamp < DayStart)
            .Select(pair => Math.Abs(pair.Second.Metrics[0].Value - pair.First.Metrics[0].Value))
            .ToArray();
        var mrBar = ranges.Average();
        var rules = new SeriesRulesBook(new SpcOptions
        {
            Overrides = [new ChartOptions { Metric = "thickness", SigmaEstimate = SigmaEstimate.MovingRange }],
        });

        var limits = history.ComputeLimits("B205", Day, SpcCalendar.Utc, Settings, rules);
        var capability = history.Capability("thickness", Day, Spec, SpcCalendar.Utc, Settings)!;

        var thickness = limits.Single(l => l.Metric == "thickness");
        var speed = limits.Single(l => l.Metric == "line_speed");
        Assert.Equal(mrBar, thickness.MrBar!.Value, 10);
        Assert.Equal(SigmaEstimate.MovingRange, thickness.SigmaEstimate);
        Assert.Equal(values.Mean() + 3 * mrBar / 1.128, thickness.UclI, 10);
        Assert.Equal(values.Mean() - 3 * mrBar / 1.128 / Math.Sqrt(5), thickness.LclX, 10);
        Assert.Equal(values.StandardDeviation(), thickness.StdDev, 10);
        Assert.Equal(SigmaEstimate.SampleStdDev, speed.SigmaEstimate);
        Assert.Equal(speed.Mean + 3 * speed.StdDev, speed.UclI, 6);

        Assert.Equal(values.Length, capability.Count);
        Assert.Equal(mrBar / 1.128, capability.SigmaWithin!.Value, 10);
        Assert.Equal(0.35 / (6 * mrBar / 1.128), capability.Cp!.Value, 10);
        Assert.Equal(Math.Min(50.2 - values.Mean(), values.Mean() - 49.85) / (3 * values.StandardDeviation()), capability.Ppk!.Value, 8);
        Assert.Equal(values.Count(v => v < 49.85 || v > 50.2) / (double)values.Length, capability.OutOfSpecShare, 12);
        Assert.InRange(capability.OutOfSpecShare, 0.01, 0.99);
    }

    [Fact]
    public void Chart_points_are_bounded_per_series_and_in_number_of_series()
    {
        var settings = new SpcOptions { ChartPoints = 10, ChartSeries = 3 };
        var book = new ChartPointBook();
        for (var i = 0; i < 30; i++)
        {
            book.Add(At("M-0", DayStart.AddSeconds(i), ("thickness", i), ("line_speed", -i)), settings);
        }

        book.Add(At("M-1", DayStart.AddSeconds(30), ("thickness", 30)), settings);
        book.Add(At("M-2", DayStart.AddSeconds(31), ("thickness", 31)), settings);

        Assert.Equal(3, book.Series);
        Assert.Equal([.. Enumerable.Range(20, 10).Select(i => (double)i)], book.Points("thickness", "M-0").Select(p => p.Value));
        Assert.Empty(book.Points("line_speed", null));
        Assert.Equal([20.0, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31], book.Points("thickness", null).Select(p => p.Value));

        var copy = SpcSerialization.RoundTrip(book);
        Assert.Equal(book.Points("thickness", null), copy.Points("thickness", null));
    }
}
