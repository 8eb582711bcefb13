using Actors.Detection.Device;
using Actors.Grains.Interfaces;
using MathNet.Numerics.Statistics;
using Xunit;
using static Actors.Detection.Tests.Device.DeviceTestData;

namespace Actors.Detection.Tests.Device;

public sealed class SpcTests
{
    private static readonly DetectionRules Rules = NoZScore();
    private static readonly ControlLimits B205 = Limits("B205", "thickness", 50, 0.5);
    private static readonly ControlLimits C300 = Limits("C300", "thickness", 50, 0.5);

    private static ControlLimits[]? LimitsOf(string productId, DateTime time) => productId switch
    {
        "B205" => [Limits("B205", "line_speed", 10, 1), B205],
        "C300" => [C300],
        _ => null,
    };

    private static List<Anomaly> Judge(DeviceDetector detector, DeviceState state, Func<string, DateTime, ControlLimits[]?> limits, params Reading[] readings)
    {
        var anomalies = new List<Anomaly>();
        detector.Judge(DeviceId, state, readings, Rules, limits, anomalies);
        return anomalies;
    }

    private static Reading[] Thickness(string productId, IReadOnlyList<double> values, double startSecond = 0) =>
        values.Select((v, i) => ProductReading(productId, At(startSecond + i), ("thickness", v))).ToArray();

    [Fact]
    public void Provisional_is_strictly_outside_the_individuals_limits()
    {
        var ucl = 50 + (3 * 0.5);
        var lcl = 50 - (3 * 0.5);
        var anomalies = Judge(new DeviceDetector(), new DeviceState(), LimitsOf, Thickness("B205", [ucl, ucl + 0.01, 50, lcl, lcl - 0.01]));

        var provisional = anomalies.Where(a => a.AnomalyType == AnomalyType.Provisional).ToArray();
        Assert.Equal(2, provisional.Length);
        Assert.Equal((At(1), ucl + 0.01), (provisional[0].TargetTime, provisional[0].MeasuredValue));
        Assert.Equal((At(4), lcl - 0.01), (provisional[1].TargetTime, provisional[1].MeasuredValue));
        Assert.All(provisional, a =>
        {
            Assert.Equal(ucl, a.UpperLimit);
            Assert.Equal(lcl, a.LowerLimit);
            Assert.Equal("2026-02-17", a.BaselineRef);
            Assert.Equal("B205", a.ProductId);
            Assert.Equal("thickness", a.Metric);
            Assert.Null(a.ZScore);
        });
    }

    [Fact]
    public void Confirmed_needs_five_values_and_reports_their_mean()
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        double[] values = [48.8, 48.9, 48.7, 48.8, 49.0];

        var firstFour = Judge(detector, state, LimitsOf, Thickness("B205", values[..4]));
        var fifth = Judge(detector, state, LimitsOf, Thickness("B205", values[4..], startSecond: 4));

        Assert.Empty(firstFour);
        var confirmed = Assert.Single(fifth);
        Assert.Equal(AnomalyType.Confirmed, confirmed.AnomalyType);
        Assert.Equal(values.Mean(), confirmed.MeasuredValue, 12);
        Assert.Equal(At(4), confirmed.TargetTime);
        Assert.Equal(50 + (3 * 0.5 / Math.Sqrt(5)), confirmed.UpperLimit);
        Assert.Equal(50 - (3 * 0.5 / Math.Sqrt(5)), confirmed.LowerLimit);
        Assert.Equal("2026-02-17", confirmed.BaselineRef);
        Assert.Equal("M-001/thickness/Confirmed/20260217T120004.0000000Z", confirmed.AlertId);
    }

    [Fact]
    public void Confirmed_uses_the_last_five_values()
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        double[] values = [45, 50, 50, 50, 50, 50, 48, 48];
        var lclX = 50 - (3 * 0.5 / Math.Sqrt(5));

        var anomalies = Judge(detector, state, LimitsOf, Thickness("B205", values));

        var expected = Enumerable.Range(4, values.Length - 4)
            .Select(last => (Index: last, Mean: values[(last - 4)..(last + 1)].Mean()))
            .Where(x => x.Mean < lclX)
            .ToArray();
        var confirmed = anomalies.Where(a => a.AnomalyType == AnomalyType.Confirmed).ToArray();
        Assert.Equal(new[] { 4, 7 }, expected.Select(x => x.Index));
        Assert.Equal(expected.Select(x => At(x.Index)), confirmed.Select(a => a.TargetTime));
        Assert.Equal(expected.Select(x => x.Mean), confirmed.Select(a => a.MeasuredValue), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Each_product_has_its_own_series_on_a_device()
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var readings = Enumerable.Range(0, 10)
            .Select(i => i % 2 == 0
                ? ProductReading("B205", At(i), ("thickness", 48.8))
                : ProductReading("C300", At(i), ("thickness", 50.0)))
            .ToArray();

        var anomalies = Judge(detector, state, LimitsOf, readings);

        var confirmed = Assert.Single(anomalies);
        Assert.Equal(AnomalyType.Confirmed, confirmed.AnomalyType);
        Assert.Equal("B205", confirmed.ProductId);
        Assert.Equal(At(8), confirmed.TargetTime);
        Assert.Equal(48.8, confirmed.MeasuredValue, 12);
        var series = state.ToSnapshot(DeviceId).Series;
        Assert.Equal(new[] { "B205", "C300" }, series.Select(s => s.ProductId));
        Assert.Equal(new[] { 48.8, 48.8, 48.8, 48.8, 48.8 }, series[0].Values);
        Assert.Equal(new[] { 50.0, 50.0, 50.0, 50.0, 50.0 }, series[1].Values);
    }

    [Fact]
    public void Without_limits_no_spc_anomaly_is_found_but_the_series_fills()
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var asked = new List<(string, DateTime)>();
        ControlLimits[]? Missing(string productId, DateTime time)
        {
            asked.Add((productId, time));
            return null;
        }

        var withoutLimits = Judge(detector, state, Missing, Thickness("B205", [40, 41, 42, 43, 44]));
        var withLimits = Judge(detector, state, LimitsOf, Thickness("B205", [50], startSecond: 5));

        Assert.Empty(withoutLimits);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => ("B205", At(i))), asked);
        Assert.Equal(new[] { 41.0, 42, 43, 44, 50 }, state.ToSnapshot(DeviceId).Series.Single().Values);
        var confirmed = Assert.Single(withLimits);
        Assert.Equal(AnomalyType.Confirmed, confirmed.AnomalyType);
        Assert.Equal(new[] { 41.0, 42, 43, 44, 50 }.Mean(), confirmed.MeasuredValue, 12);
    }

    [Fact]
    public void Limits_of_another_metric_do_not_apply_and_readings_without_product_skip_spc()
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var calls = 0;
        ControlLimits[]? Counting(string productId, DateTime time)
        {
            calls++;
            return LimitsOf(productId, time);
        }

        var anomalies = Judge(detector, state, Counting, [
            ProductReading("B205", At(0), ("humidity", 1000)),
            Reading(At(1), ("thickness", 1000)),
        ]);

        Assert.Empty(anomalies);
        Assert.Equal(1, calls);
        Assert.Equal("humidity", state.ToSnapshot(DeviceId).Series.Single().Metric);
    }

    [Fact]
    public void Anomalies_are_judged_again_with_the_same_ids()
    {
        var readings = Thickness("B205", [45, 48.6, 48.7, 48.8, 48.9, 55, 52]);
        var rules = new DetectionRules
        {
            Thresholds = [new ThresholdRule { Metric = "thickness", Upper = 51 }],
            ZScore = new ZScoreSettings { WindowSeconds = 5, Bound = 1, MinSamples = 3 },
            Version = 3,
        };
        var first = new List<Anomaly>();
        var second = new List<Anomaly>();

        new DeviceDetector().Judge(DeviceId, new DeviceState(), readings, rules, LimitsOf, first);
        new DeviceDetector().Judge(DeviceId, new DeviceState(), readings, rules, LimitsOf, second);

        Assert.Contains(first, a => a.AnomalyType == AnomalyType.ZScore);
        Assert.Contains(first, a => a.AnomalyType == AnomalyType.Threshold);
        Assert.Contains(first, a => a.AnomalyType == AnomalyType.Provisional);
        Assert.Contains(first, a => a.AnomalyType == AnomalyType.Confirmed);
        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Select(a => a.AlertId).Distinct().Count());
    }
}
