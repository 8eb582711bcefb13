using Actors.Detection.Device;
using Actors.Grains.Interfaces;
using MathNet.Numerics.Statistics;
using Xunit;
using static Actors.Detection.Tests.Device.DeviceTestData;

namespace Actors.Detection.Tests.Device;

public sealed class ZScoreWindowTests
{
    private static readonly double[] Humidity = [10, 10.5, 9.5, 10, 10.2, 9.8, 10.1, 9.9, 10, 30];

    private static (int, int) Feed(DeviceDetector detector, DeviceState state, DetectionRules rules, List<Anomaly> anomalies, params Reading[] readings) =>
        detector.Judge(DeviceId, state, readings, rules, NoLimits, anomalies);

    private static Reading[] Series(string metric, IReadOnlyList<double> values, double startSecond = 0, double stepSeconds = 1) =>
        values.Select((v, i) => Reading(At(startSecond + (i * stepSeconds)), (metric, v))).ToArray();

    [Fact]
    public void Window_closes_on_the_first_reading_at_or_after_its_end_and_reports_outliers()
    {
        var rules = ZScoreOnly(new ZScoreSettings { WindowSeconds = 20, Bound = 2, MinSamples = 5 });
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();

        Feed(detector, state, rules, anomalies, Series("humidity", Humidity));
        Feed(detector, state, rules, anomalies, Reading(At(19.9999), ("humidity", 10)));
        Assert.Empty(anomalies);

        Feed(detector, state, rules, anomalies, Reading(At(20), ("humidity", 11)));

        var values = Humidity.Append(10).ToArray();
        var mean = values.Mean();
        var sd = values.StandardDeviation();
        var anomaly = Assert.Single(anomalies);
        Assert.Equal(AnomalyType.ZScore, anomaly.AnomalyType);
        Assert.Equal(At(9), anomaly.TargetTime);
        Assert.Equal(30, anomaly.MeasuredValue);
        Assert.Equal((30 - mean) / sd, anomaly.ZScore!.Value, 9);
        Assert.Equal(mean + (2 * sd), anomaly.UpperLimit!.Value, 9);
        Assert.Equal(mean - (2 * sd), anomaly.LowerLimit!.Value, 9);
        Assert.Equal(At(0), anomaly.WindowStart);
        Assert.Equal(At(20), anomaly.WindowEnd);
        Assert.Equal("|z| > 2 in 20 s window", anomaly.Rule);
        Assert.Equal(DeviceId, anomaly.DeviceId);
        Assert.Equal("humidity", anomaly.Metric);
        Assert.Equal(1, state.AnomalyCounts[AnomalyType.ZScore]);

        var window = Assert.Single(state.ToSnapshot(DeviceId).Windows);
        Assert.Equal(At(20), window.Start);
        Assert.Equal(At(40), window.End);
        Assert.Equal(1, window.Count);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(6, 0)]
    public void Window_with_fewer_than_MinSamples_values_is_not_judged(int minSamples, int expected)
    {
        double[] values = [0, 0, 0, 0, 10];
        Assert.True(Math.Abs((10 - values.Mean()) / values.StandardDeviation()) > 1.5);
        var rules = ZScoreOnly(new ZScoreSettings { WindowSeconds = 20, Bound = 1.5, MinSamples = minSamples });
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();

        Feed(detector, state, rules, anomalies, Series("humidity", values));
        Feed(detector, state, rules, anomalies, Reading(At(25), ("humidity", 0)));

        Assert.Equal(expected, anomalies.Count);
    }

    [Fact]
    public void Window_with_zero_standard_deviation_reports_nothing()
    {
        var rules = ZScoreOnly(new ZScoreSettings { WindowSeconds = 20, Bound = 0, MinSamples = 2 });
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();

        Feed(detector, state, rules, anomalies, Series("humidity", [7.3, 7.3, 7.3, 7.3, 7.3, 7.3]));
        Feed(detector, state, rules, anomalies, Reading(At(20), ("humidity", 0)));

        Assert.Empty(anomalies);
    }

    [Theory]
    [InlineData(1.5, 0)]
    [InlineData(1.4999, 1)]
    public void Value_exactly_at_the_bound_is_not_an_anomaly(double bound, int expected)
    {
        double[] values = [0, 0, 0, 4];
        Assert.Equal(1.5, (4 - values.Mean()) / values.StandardDeviation());
        var rules = ZScoreOnly(new ZScoreSettings { WindowSeconds = 20, Bound = bound, MinSamples = 4 });
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();

        Feed(detector, state, rules, anomalies, Series("humidity", values));
        Feed(detector, state, rules, anomalies, Reading(At(20), ("humidity", 0)));

        Assert.Equal(expected, anomalies.Count);
    }

    [Theory]
    [InlineData("2026-02-17T12:00:03Z")]
    [InlineData("2026-02-17T12:00:00Z")]
    [InlineData("1969-12-31T23:59:59Z")]
    [InlineData("1970-01-01T00:00:07Z")]
    public void Window_boundaries_are_aligned_to_the_UTC_epoch(string time)
    {
        var t = DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var secondsSinceEpoch = (long)(t - DateTime.UnixEpoch).TotalSeconds;
        var expectedStart = DateTime.UnixEpoch.AddSeconds(Math.Floor(secondsSinceEpoch / 7.0) * 7);
        var rules = ZScoreOnly(new ZScoreSettings { WindowSeconds = 7 });
        var state = new DeviceState();

        new DeviceDetector().Judge(DeviceId, state, [Reading(t, ("humidity", 1))], rules, NoLimits, []);

        var window = Assert.Single(state.ToSnapshot(DeviceId).Windows);
        Assert.Equal(expectedStart, window.Start);
        Assert.Equal(expectedStart.AddSeconds(7), window.End);
        Assert.True(window.Start <= t && t < window.End);
    }

    [Fact]
    public void CloseWindows_closes_only_windows_ending_at_or_before_the_watermark()
    {
        var rules = ZScoreOnly(new ZScoreSettings { WindowSeconds = 20, Bound = 2, MinSamples = 5 });
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();
        Feed(detector, state, rules, anomalies, Series("humidity", Humidity));
        Feed(detector, state, rules, anomalies, Series("temperature", Humidity, startSecond: 25));

        detector.CloseWindows(DeviceId, state, At(19.9999), rules, anomalies);
        Assert.Empty(anomalies);
        Assert.Equal(2, state.Windows.Count);

        detector.CloseWindows(DeviceId, state, At(20), rules, anomalies);
        var humidity = Assert.Single(anomalies);
        Assert.Equal("humidity", humidity.Metric);
        Assert.Equal(At(9), humidity.TargetTime);
        Assert.Equal(new[] { "temperature" }, state.Windows.Select(w => w.Metric));

        detector.CloseWindows(DeviceId, state, DateTime.MaxValue, rules, anomalies);
        Assert.Equal(2, anomalies.Count);
        Assert.Equal("temperature", anomalies[1].Metric);
        Assert.Equal(At(34), anomalies[1].TargetTime);
        Assert.Equal(At(20), anomalies[1].WindowStart);
        Assert.Empty(state.Windows);
        Assert.Equal(2, state.AnomalyCounts[AnomalyType.ZScore]);
    }

    [Fact]
    public void Only_selected_metrics_are_windowed()
    {
        var rules = ZScoreOnly(new ZScoreSettings { WindowSeconds = 20, Bound = 2, MinSamples = 5, Metrics = ["humidity"] });
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();
        var readings = Humidity.Select((v, i) => Reading(At(i), ("temperature", v), ("humidity", v))).ToArray();

        Feed(detector, state, rules, anomalies, readings);
        detector.CloseWindows(DeviceId, state, DateTime.MaxValue, rules, anomalies);

        var anomaly = Assert.Single(anomalies);
        Assert.Equal("humidity", anomaly.Metric);
    }

    [Fact]
    public void Disabled_rule_opens_no_windows()
    {
        var rules = ZScoreOnly(new ZScoreSettings { WindowSeconds = 20, Bound = 2, MinSamples = 5, Enabled = false });
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();

        Feed(detector, state, rules, anomalies, Series("humidity", Humidity));
        Feed(detector, state, rules, anomalies, Reading(At(20), ("humidity", 10)));
        detector.CloseWindows(DeviceId, state, DateTime.MaxValue, rules, anomalies);

        Assert.Empty(anomalies);
        Assert.Empty(state.Windows);
    }

    [Fact]
    public void Statistics_are_stable_for_large_offsets()
    {
        double[] values = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
        var window = ZScoreWindow.Open("x", T0, TimeSpan.TicksPerMinute);
        for (var i = 0; i < values.Length; i++)
        {
            window.Add(At(i), values[i], null, ZScoreSettings.DefaultMaxSamples);
        }

        var (mean, sd) = window.ComputeStatistics();

        Assert.Equal(1e9 + 10, mean);
        Assert.Equal(Math.Sqrt(30), sd, 9);
    }
}
