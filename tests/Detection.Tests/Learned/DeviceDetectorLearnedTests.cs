using Actors.Detection.Device;
using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Detection.Tests.Device.DeviceTestData;
using static Actors.Detection.Tests.Learned.SyntheticSeries;

namespace Actors.Detection.Tests.Learned;

public sealed class DeviceDetectorLearnedTests
{
    private static readonly DetectionRules LearnedOnly = new()
    {
        ZScore = new ZScoreSettings { Enabled = false },
        Learned = new LearnedSettings { Enabled = true, Metrics = ["temperature"] },
        Version = 1,
    };

    private static readonly Reading[] Readings = Make(4000, _ => 20)
        .Select((value, i) => Reading(At(i * 60), ("temperature", i == 3000 ? 35 : value), ("humidity", 40)))
        .ToArray();

    [Fact]
    public void A_spike_raises_a_learned_anomaly_at_the_spike_with_its_score_and_the_reading_time_as_detection_time()
    {
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();

        new DeviceDetector().Judge(DeviceId, state, Readings, LearnedOnly, NoLimits, anomalies);

        Assert.All(anomalies, a => Assert.Equal((AnomalyType.Learned, "temperature"), (a.AnomalyType, a.Metric)));
        var anomaly = anomalies[0];
        Assert.Equal((AnomalyType.Learned, "temperature", At(3000 * 60), At(3000 * 60), 35.0), (anomaly.AnomalyType, anomaly.Metric, anomaly.TargetTime, anomaly.DetectedAt, anomaly.MeasuredValue));
        Assert.InRange(anomaly.Score, LearnedOnly.Learned.Threshold, 1);
        Assert.NotNull(state.Learned);
        Assert.Equal(["temperature"], state.Learned.Keys);
        Assert.Equal(4000, state.ToSnapshot(DeviceId).Learned.Single().Readings);
    }

    [Fact]
    public void Batch_boundaries_do_not_change_the_anomalies()
    {
        var whole = new List<Anomaly>();
        new DeviceDetector().Judge(DeviceId, new DeviceState(), Readings, LearnedOnly, NoLimits, whole);

        var batched = new List<Anomaly>();
        var state = new DeviceState();
        var detector = new DeviceDetector();
        foreach (var batch in Readings.Chunk(37))
        {
            detector.Judge(DeviceId, state, batch, LearnedOnly, NoLimits, batched);
        }

        Assert.Equal(whole, batched);
    }

    [Fact]
    public void A_metric_the_rule_no_longer_applies_to_drops_its_learned_state()
    {
        var state = new DeviceState();
        var detector = new DeviceDetector();
        detector.Judge(DeviceId, state, Readings[..10], LearnedOnly, NoLimits, []);

        var off = LearnedOnly with { Learned = new LearnedSettings { Enabled = false }, Version = 2 };
        detector.Judge(DeviceId, state, Readings[10..11], off, NoLimits, []);

        Assert.Empty(state.Learned ?? []);
    }

    [Fact]
    public void Point_rules_are_detected_at_the_reading_and_the_z_score_at_its_window_end()
    {
        var rules = new DetectionRules
        {
            Thresholds = [new ThresholdRule { Metric = "temperature", Upper = 30 }],
            ZScore = new ZScoreSettings { WindowSeconds = 600, Bound = 2, MinSamples = 5 },
            Version = 1,
        };
        var anomalies = new List<Anomaly>();

        new DeviceDetector().Judge(DeviceId, new DeviceState(), Readings[2990..3020], rules, NoLimits, anomalies);

        var threshold = Assert.Single(anomalies, a => a.AnomalyType == AnomalyType.Threshold);
        Assert.Equal(threshold.TargetTime, threshold.DetectedAt);
        var zScore = Assert.Single(anomalies, a => a.AnomalyType == AnomalyType.ZScore);
        Assert.Equal(zScore.WindowEnd, zScore.DetectedAt);
        Assert.True(zScore.DetectedAt > zScore.TargetTime);
    }
}
