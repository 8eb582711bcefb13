using Actors.Detection.Device;
using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Detection.Tests.Device.DeviceTestData;

namespace Actors.Detection.Tests.Device;

/// <summary>
/// A z-score window holds at most <see cref="ZScoreSettings.MaxSamples"/> values; the expected results here come from
/// plain loops over every value, written independently of <see cref="ZScoreWindow"/>.
/// </summary>
public sealed class BoundedWindowTests
{
    private const double Bound = 3;
    private static readonly long Day = TimeSpan.TicksPerDay;

    [Fact]
    public void A_window_never_holds_more_than_MaxSamples_values_but_counts_them_all()
    {
        var window = ZScoreWindow.Open("humidity", T0, Day);
        var random = new Random(7);

        for (var i = 0; i < 10_000; i++)
        {
            window.Add(At(i), random.NextDouble(), "B205", 16);
            Assert.True(window.Samples.Count <= 16);
        }

        Assert.Equal(16, window.Samples.Count);
        Assert.Equal(10_000, window.Count);
        Assert.False(window.HoldsEveryValue);
    }

    [Fact]
    public void Over_the_cap_it_keeps_the_half_smallest_and_half_largest_values_in_arrival_order()
    {
        var values = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
        new Random(3).Shuffle(values);
        var window = ZScoreWindow.Open("humidity", T0, Day);

        for (var i = 0; i < values.Length; i++)
        {
            window.Add(At(i), values[i], null, 8);
        }

        var expected = values.Select((v, i) => (Time: At(i), Value: v)).Where(s => s.Value < 4 || s.Value >= 96).ToArray();
        Assert.Equal(expected.Select(s => s.Value), window.Samples.Select(s => s.Value));
        Assert.Equal(expected.Select(s => s.Time), window.Samples.Select(s => window.Start.AddTicks(s.Offset)));
    }

    [Fact]
    public void Over_the_cap_mean_and_standard_deviation_are_those_of_every_value()
    {
        var values = Normal(new Random(11), 5_000, mean: 40, sd: 2);
        var window = ZScoreWindow.Open("humidity", T0, Day);

        for (var i = 0; i < values.Length; i++)
        {
            window.Add(At(i), values[i], null, 32);
        }

        var (mean, sd) = window.ComputeStatistics();
        var (expectedMean, expectedSd) = PlainMeanAndSd(values);
        Assert.Equal(expectedMean, mean, 10);
        Assert.Equal(expectedSd, sd, 10);
    }

    [Fact]
    public void Equal_values_over_the_cap_are_pushed_out_without_error()
    {
        var window = ZScoreWindow.Open("humidity", T0, Day);

        for (var i = 0; i < 500; i++)
        {
            window.Add(At(i), i % 3, null, 10);
        }

        Assert.Equal(10, window.Samples.Count);
        Assert.Equal(5, window.Samples.Count(s => s.Value == 0));
        Assert.Equal(5, window.Samples.Count(s => s.Value == 2));
    }

    [Fact]
    public void Lowering_MaxSamples_trims_an_open_window_on_its_next_value()
    {
        var window = ZScoreWindow.Open("humidity", T0, Day);
        for (var i = 0; i < 20; i++)
        {
            window.Add(At(i), i, null, 64);
        }

        window.Add(At(20), 20, null, 4);

        Assert.Equal([0.0, 1, 19, 20], window.Samples.Select(s => s.Value));
        Assert.Equal(21, window.Count);
    }

    [Theory]
    [InlineData(30, 64)]
    [InlineData(64, 64)]
    [InlineData(200, 500)]
    public void Under_the_cap_the_anomalies_are_exactly_those_of_a_plain_loop(int count, int maxSamples)
    {
        var values = Normal(new Random(count), count, mean: 20, sd: 1);
        values[count / 2] = 40;
        values[count / 3] = 0;
        var anomalies = JudgeOneWindow(values, maxSamples);

        var (mean, sd) = PlainMeanAndSd(values);
        var expected = values.Select((v, i) => (Time: At(i), Value: v, Z: (v - mean) / sd)).Where(s => Math.Abs(s.Z) > Bound).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => (e.Time, e.Value)), anomalies.Select(a => (a.TargetTime, a.MeasuredValue)));
        Assert.Equal(expected.Select(e => e.Z), anomalies.Select(a => a.ZScore!.Value), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Over_the_cap_the_anomalies_are_exact_while_no_more_than_half_the_cap_per_side_pass_the_bound()
    {
        var values = Normal(new Random(5), 3_000, mean: 20, sd: 1).Select(v => Math.Clamp(v, 17.5, 22.5)).ToArray();
        int[] high = [100, 900, 2_500];
        int[] low = [40, 1_700];
        foreach (var i in high)
        {
            values[i] = 35;
        }

        foreach (var i in low)
        {
            values[i] = 5;
        }

        var anomalies = JudgeOneWindow(values, maxSamples: 8);

        var (mean, sd) = PlainMeanAndSd(values);
        var expected = values.Select((v, i) => (Time: At(i), Value: v, Z: (v - mean) / sd)).Where(s => Math.Abs(s.Z) > Bound).ToArray();
        Assert.Equal(high.Concat(low).Order().Select(i => At(i)), expected.Select(e => e.Time));
        Assert.Equal(expected.Select(e => (e.Time, e.Value)), anomalies.Select(a => (a.TargetTime, a.MeasuredValue)));
        Assert.Equal(expected.Select(e => e.Z), anomalies.Select(a => a.ZScore!.Value), new ToleranceComparer(1e-9));
    }

    [Fact]
    public void A_kept_value_reports_the_product_it_was_measured_on_after_a_switch_inside_the_window()
    {
        var rules = ZScoreOnly(new ZScoreSettings { WindowSeconds = 3_600, Bound = 2, MinSamples = 5, MaxSamples = 4 });
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();
        var readings = Enumerable.Range(0, 60)
            .Select(i => ProductReading(i < 30 ? "B205" : "B206", At(i), ("humidity", i == 10 ? 90 : i == 50 ? -50 : 20 + (i % 2))))
            .ToArray();

        detector.Judge(DeviceId, state, readings, rules, NoLimits, anomalies);
        detector.CloseWindows(DeviceId, state, DateTime.MaxValue, rules, anomalies);

        Assert.Equal([(At(10), "B205"), (At(50), "B206")], anomalies.Select(a => (a.TargetTime, a.ProductId)));
    }

    private static List<Anomaly> JudgeOneWindow(double[] values, int maxSamples)
    {
        var rules = ZScoreOnly(new ZScoreSettings { WindowSeconds = 86_400, Bound = Bound, MinSamples = 5, MaxSamples = maxSamples });
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();
        var readings = values.Select((v, i) => Reading(At(i), ("humidity", v))).ToArray();
        detector.Judge(DeviceId, state, readings, rules, NoLimits, anomalies);
        detector.CloseWindows(DeviceId, state, DateTime.MaxValue, rules, anomalies);
        Assert.All(anomalies, a => Assert.Equal(AnomalyType.ZScore, a.AnomalyType));
        return anomalies;
    }

    private static (double Mean, double Sd) PlainMeanAndSd(double[] values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        var mean = sum / values.Length;
        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return (mean, Math.Sqrt(squares / (values.Length - 1)));
    }

    private static double[] Normal(Random random, int count, double mean, double sd) =>
        Enumerable.Range(0, count)
            .Select(_ => mean + (sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))
            .ToArray();
}
