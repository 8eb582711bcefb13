using Actors.Detection.Device;
using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Detection.Tests.Device.DeviceTestData;

namespace Actors.Detection.Tests.Device;

public sealed class DeviceDedupTests
{
    private static readonly DetectionRules Rules = NoZScore(new ThresholdRule { Metric = "temperature", Upper = 30 });

    [Fact]
    public void Reading_at_the_same_time_is_a_duplicate_and_is_not_judged()
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();

        var first = detector.Judge(DeviceId, state, [Reading(At(0), ("temperature", 20))], Rules, NoLimits, anomalies);
        var second = detector.Judge(DeviceId, state, [Reading(At(0), ("temperature", 40))], Rules, NoLimits, anomalies);

        Assert.Equal((1, 0), first);
        Assert.Equal((0, 1), second);
        Assert.Empty(anomalies);
        Assert.Equal(1, state.Accepted);
        Assert.Equal(1, state.Duplicates);
        Assert.Equal(20, state.LastMetrics[0].Value);
    }

    [Fact]
    public void Earlier_reading_is_dropped_and_keeps_the_latest_event_time()
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();
        var latest = Reading(At(10), ("temperature", 21));

        detector.Judge(DeviceId, state, [latest], Rules, NoLimits, anomalies);
        var result = detector.Judge(DeviceId, state, [Reading(At(5), ("temperature", 99))], Rules, NoLimits, anomalies);

        Assert.Equal((0, 1), result);
        Assert.Empty(anomalies);
        Assert.Equal(At(10), state.LastEventTime);
        Assert.Equal(latest.Metrics, state.LastMetrics);
    }

    [Fact]
    public void Readings_of_one_batch_are_deduplicated_in_the_order_given_and_counters_accumulate()
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();

        var first = detector.Judge(
            DeviceId,
            state,
            [Reading(At(1), ("temperature", 20)), Reading(At(0), ("temperature", 50)), Reading(At(2), ("temperature", 31)), Reading(At(2), ("temperature", 32))],
            Rules,
            NoLimits,
            anomalies);
        var second = detector.Judge(DeviceId, state, [Reading(At(3), ("temperature", 20)), Reading(At(1.5), ("temperature", 20))], Rules, NoLimits, anomalies);

        Assert.Equal((2, 2), first);
        Assert.Equal((1, 1), second);
        Assert.Equal(3, state.Accepted);
        Assert.Equal(3, state.Duplicates);
        var anomaly = Assert.Single(anomalies);
        Assert.Equal(31, anomaly.MeasuredValue);
        Assert.Equal(At(3), state.LastEventTime);
        Assert.Equal(1, state.AnomalyCounts[AnomalyType.Threshold]);
    }
}
