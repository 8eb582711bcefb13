using Actors.Detection.Device;
using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Detection.Tests.Device.DeviceTestData;

namespace Actors.Detection.Tests.Device;

/// <summary>Issue 12, item 1 at the detector: a reading far ahead of a device's history cannot make it drop its normal readings.</summary>
public sealed class OutlierTimestampTests
{
    private static readonly DetectionRules Rules = NoZScore(new ThresholdRule { Metric = "temperature", Upper = 30 });

    [Fact]
    public void One_far_future_reading_does_not_silence_the_device()
    {
        var normal = Enumerable.Range(0, 20).Select(i => Reading(At(i * 10), ("temperature", i % 2 == 0 ? 35 : 20))).ToList();
        var withOutlier = normal.Take(5).Append(Reading(new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc), ("temperature", 40))).Concat(normal.Skip(5)).ToList();

        var (clean, cleanState) = JudgeAll(normal);
        var (found, state) = JudgeAll(withOutlier);

        Assert.Equal(clean.Select(a => a.AlertId), found.Select(a => a.AlertId));
        Assert.Equal(10, found.Count);
        Assert.Equal(cleanState.LastEventTime, state.LastEventTime);
        Assert.Equal(20, state.Accepted);
        Assert.Equal(0, state.Duplicates);
        Assert.Equal(1, state.Outliers);
    }

    [Fact]
    public void Outlier_in_its_own_batch_is_reported_as_neither_accepted_nor_duplicate()
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        detector.Judge(DeviceId, state, [Reading(At(0), ("temperature", 20))], Rules, NoLimits, []);

        var (accepted, duplicates) = detector.Judge(DeviceId, state, [Reading(At(0).AddYears(1), ("temperature", 40))], Rules, NoLimits, []);

        Assert.Equal((0, 0), (accepted, duplicates));
        Assert.Equal(At(0), state.LastEventTime);
        Assert.Equal(At(0).AddYears(1), state.OutlierCandidate);
    }

    [Fact]
    public void Device_back_after_a_long_silence_is_judged_from_its_second_reading()
    {
        var back = At(0).AddDays(30);
        var readings = new List<Reading>
        {
            Reading(At(0), ("temperature", 20)),
            Reading(back, ("temperature", 40)),
            Reading(back.AddMinutes(1), ("temperature", 41)),
            Reading(back.AddMinutes(2), ("temperature", 42)),
        };

        var (found, state) = JudgeAll(readings);

        Assert.Equal([41.0, 42.0], found.Select(a => a.MeasuredValue));
        Assert.Equal(back.AddMinutes(2), state.LastEventTime);
        Assert.Equal(1, state.Outliers);
        Assert.Null(state.OutlierCandidate);
    }

    [Fact]
    public void Maximum_jump_is_configurable()
    {
        var state = new DeviceState();
        var detector = new DeviceDetector(TimeSpan.FromMinutes(5));

        detector.Judge(DeviceId, state, [Reading(At(0), ("temperature", 20)), Reading(At(600), ("temperature", 20)), Reading(At(10), ("temperature", 20))], Rules, NoLimits, []);

        Assert.Equal(At(10), state.LastEventTime);
        Assert.Equal(1, state.Outliers);
    }

    private static (List<Anomaly> Found, DeviceState State) JudgeAll(IReadOnlyList<Reading> readings)
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var found = new List<Anomaly>();
        foreach (var chunk in readings.Chunk(3))
        {
            detector.Judge(DeviceId, state, chunk, Rules, NoLimits, found);
        }
        return (found, state);
    }
}
