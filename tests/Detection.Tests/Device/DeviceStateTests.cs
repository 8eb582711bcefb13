using Actors.Detection.Device;
using Actors.Grains.Interfaces;
using MathNet.Numerics.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;
using static Actors.Detection.Tests.Device.DeviceTestData;

namespace Actors.Detection.Tests.Device;

public sealed class DeviceStateTests
{
    [Fact]
    public void At_most_64_series_are_kept_and_the_least_recently_updated_is_evicted()
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var rules = NoZScore();
        var readings = Enumerable.Range(0, DeviceState.MaxSeries)
            .Select(i => ProductReading($"P{i:D2}", At(i), ("thickness", i)))
            .Append(ProductReading("P00", At(100), ("thickness", 1)))
            .Append(ProductReading("P64", At(101), ("thickness", 1)))
            .ToArray();

        detector.Judge(DeviceId, state, readings, rules, NoLimits, []);

        Assert.Equal(DeviceState.MaxSeries, state.Series.Count);
        var products = state.ToSnapshot(DeviceId).Series.Select(s => s.ProductId).ToArray();
        Assert.DoesNotContain("P01", products);
        Assert.Contains("P00", products);
        Assert.Contains("P02", products);
        Assert.Contains("P64", products);
        Assert.Equal(new[] { 0.0, 1.0 }, state.ToSnapshot(DeviceId).Series.Single(s => s.ProductId == "P00").Values);
    }

    [Fact]
    public void Counts_keep_every_anomaly_and_the_state_keeps_no_copy_of_them()
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var rules = NoZScore(new ThresholdRule { Metric = "temperature", Upper = 30 });
        var readings = Enumerable.Range(0, 60).Select(i => Reading(At(i), ("temperature", 100 + i))).ToArray();

        detector.Judge(DeviceId, state, readings, rules, NoLimits, []);

        var snapshot = state.ToSnapshot(DeviceId);
        Assert.Equal(60, snapshot.AnomalyCounts[AnomalyType.Threshold]);
        Assert.Equal(60, state.AnomalyCounts[AnomalyType.Threshold]);
        Assert.Equal([AnomalyType.Threshold], snapshot.AnomalyCounts.Keys);
    }

    [Fact]
    public void Snapshot_shows_counters_open_windows_and_series()
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var rules = ZScoreOnly(new ZScoreSettings { WindowSeconds = 20 });
        double[] humidity = [41, 43.5, 40.2];
        var readings = humidity.Select((v, i) => ProductReading("B205", At(i), ("humidity", v), ("thickness", 50 + i))).ToArray();

        detector.Judge(DeviceId, state, readings, rules, NoLimits, []);
        detector.Judge(DeviceId, state, [readings[0]], rules, NoLimits, []);

        var snapshot = state.ToSnapshot(DeviceId);
        Assert.Equal(DeviceId, snapshot.DeviceId);
        Assert.Equal(3, snapshot.Accepted);
        Assert.Equal(1, snapshot.Duplicates);
        Assert.Equal((readings[2].Timestamp, readings[2].ProductId, DeviceId), (snapshot.LastReading!.Timestamp, snapshot.LastReading.ProductId, snapshot.LastReading.DeviceId));
        Assert.Equal(readings[2].Metrics, snapshot.LastReading.Metrics);
        Assert.Equal(new[] { "humidity", "thickness" }, snapshot.Windows.Select(w => w.Metric));
        var window = snapshot.Windows[0];
        Assert.Equal((At(0), At(20), 3), (window.Start, window.End, window.Count));
        Assert.Equal(humidity.Mean(), window.Mean, 12);
        Assert.Equal(humidity.StandardDeviation(), window.StdDev, 12);
        Assert.Equal(new[] { "humidity", "thickness" }, snapshot.Series.Select(s => s.Metric));
        Assert.Equal(new[] { 50.0, 51, 52 }, snapshot.Series[1].Values);
    }

    /// <summary>
    /// The serialization tests' device: thickness with a threshold, a z-score window and SPC limits, and twelve readings
    /// (in batches of six) that trip all three.
    /// </summary>
    private static readonly DetectionRules StoredRules = new()
    {
        Thresholds = [new ThresholdRule { Metric = "thickness", Upper = 53 }],
        ZScore = new ZScoreSettings { WindowSeconds = 10, Bound = 1.5, MinSamples = 5 },
        Version = 1,
    };

    private static readonly ControlLimits[] StoredLimits = [Limits("B205", "thickness", 50, 0.5)];

    private static Reading[] StoredReadings() =>
        [.. new[] { 50, 50.2, 49.9, 50.1, 48, 50, 49, 49, 49, 49, 54, 50 }.Select((v, i) => ProductReading("B205", At(i * 1.5), ("thickness", v)))];

    private static ServiceProvider SerializerServices() => new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(DeviceState).Assembly).AddAssembly(typeof(Reading).Assembly))
        .BuildServiceProvider();

    [Fact]
    public void State_survives_orleans_serialization_and_judges_on_identically()
    {
        using var services = SerializerServices();
        var serializer = services.GetRequiredService<Serializer>();
        var (rules, limits, readings) = (StoredRules, StoredLimits, StoredReadings());
        var original = new DeviceState();
        new DeviceDetector().Judge(DeviceId, original, readings[..6], rules, (_, _) => limits, []);

        var copy = serializer.Deserialize<DeviceState>(serializer.SerializeToArray(original));
        Assert.NotNull(copy);

        var fromOriginal = new List<Anomaly>();
        var fromCopy = new List<Anomaly>();
        new DeviceDetector().Judge(DeviceId, original, readings[6..], rules, (_, _) => limits, fromOriginal);
        new DeviceDetector().Judge(DeviceId, copy, readings[6..], rules, (_, _) => limits, fromCopy);
        new DeviceDetector().CloseWindows(DeviceId, original, DateTime.MaxValue, rules, fromOriginal);
        new DeviceDetector().CloseWindows(DeviceId, copy, DateTime.MaxValue, rules, fromCopy);

        Assert.NotEmpty(fromOriginal);
        Assert.Contains(fromOriginal, a => a.AnomalyType == AnomalyType.Confirmed);
        Assert.Contains(fromOriginal, a => a.AnomalyType == AnomalyType.ZScore);
        Assert.Equal(fromOriginal, fromCopy);
        Assert.Equal(original.Accepted, copy.Accepted);
        Assert.Equal(original.AnomalyCounts.ByType, copy.AnomalyCounts.ByType);
        Assert.Equal(original.LastMetrics, copy.LastMetrics);
    }

    /// <summary>
    /// The state of <see cref="A_state_stored_by_an_earlier_version_reads_back_and_judges_on_identically"/> after its
    /// first six readings and one batch of source <c>run:1</c>, as main at 6957eeb stored it (X-bar values in an array
    /// of their own, empty chart and learned dictionaries).
    /// </summary>
    private const string StoredAt6957eeb = "IIDAiA8YHG7eSAIZAQEFAcEBIeAh4EEJQjIwNSEAAyHoQBN0aGlja25lc3OBAAAAAAAASUDg4CEgAAcBAQABAAXg4CEAAyHAG4EAIJcTHG7eSIEAAY0ZHG7eSAIZwxPBASJAKwDADICHpw7BfQDhfAChfQCADADADODBAeDgIQADIcATwRshAAuBAAAAAAAASUCAmpmZmZkZSUCAMzMzMzPzSECAzczMzMwMSUCAAAAAAAAASEDgARUBBYHAiA8YHG7eSODgJCAAAyHoQAtydW46MQEF4ODgwQHg";

    [Fact]
    public void A_state_stored_by_an_earlier_version_reads_back_and_judges_on_identically()
    {
        using var services = SerializerServices();
        var serializer = services.GetRequiredService<Serializer>();
        var (rules, limits, readings) = (StoredRules, StoredLimits, StoredReadings());
        var current = new DeviceState();
        new DeviceDetector().Judge(DeviceId, current, readings[..6], rules, (_, _) => limits, []);
        current.Sources.Advance("run:1");

        var stored = serializer.Deserialize<DeviceState>(Convert.FromBase64String(StoredAt6957eeb));
        Assert.NotNull(stored);

        Assert.Equivalent(current.ToSnapshot(DeviceId), stored.ToSnapshot(DeviceId), strict: true);
        var fromCurrent = new List<Anomaly>();
        var fromStored = new List<Anomaly>();
        new DeviceDetector().Judge(DeviceId, current, readings[6..], rules, (_, _) => limits, fromCurrent);
        new DeviceDetector().Judge(DeviceId, stored, readings[6..], rules, (_, _) => limits, fromStored);
        new DeviceDetector().CloseWindows(DeviceId, current, DateTime.MaxValue, rules, fromCurrent);
        new DeviceDetector().CloseWindows(DeviceId, stored, DateTime.MaxValue, rules, fromStored);
        Assert.Contains(fromCurrent, a => a.AnomalyType == AnomalyType.Confirmed);
        Assert.Equal(fromCurrent, fromStored);
        Assert.Equivalent(current.ToSnapshot(DeviceId), stored.ToSnapshot(DeviceId), strict: true);
        Assert.Equal(current.Sources.Of("run:1"), stored.Sources.Of("run:1"));
        Assert.Null(stored.Charts);
        Assert.Null(stored.Learned);
    }
}
