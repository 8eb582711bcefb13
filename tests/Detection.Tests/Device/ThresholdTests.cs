using Actors.Detection.Device;
using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Detection.Tests.Device.DeviceTestData;

namespace Actors.Detection.Tests.Device;

public sealed class ThresholdTests
{
    [Theory]
    [InlineData(30.0, true)]
    [InlineData(30.5, true)]
    [InlineData(29.999, false)]
    public void Upper_limit_is_inclusive(double value, bool expected)
    {
        var evaluator = new ThresholdEvaluator(NoZScore(new ThresholdRule { Metric = "temperature", Upper = 30 }));

        var anomaly = evaluator.Judge(DeviceId, null, T0, new Metric("temperature", value));

        Assert.Equal(expected, anomaly is not null);
        if (anomaly is not null)
        {
            Assert.Equal(AnomalyType.Threshold, anomaly.AnomalyType);
            Assert.Equal(30, anomaly.UpperLimit);
            Assert.Null(anomaly.LowerLimit);
            Assert.Equal(value, anomaly.MeasuredValue);
            Assert.Equal(T0, anomaly.TargetTime);
            Assert.Equal("temperature >= 30", anomaly.Rule);
            Assert.Equal("M-001/temperature/Threshold/20260217T120000.0000000Z", anomaly.AlertId);
        }
    }

    [Theory]
    [InlineData(5.0, true)]
    [InlineData(-1.0, true)]
    [InlineData(5.001, false)]
    public void Lower_limit_is_inclusive(double value, bool expected)
    {
        var evaluator = new ThresholdEvaluator(NoZScore(new ThresholdRule { Metric = "temperature", Lower = 5.0 }));

        var anomaly = evaluator.Judge(DeviceId, "B205", T0, new Metric("temperature", value));

        Assert.Equal(expected, anomaly is not null);
        if (anomaly is not null)
        {
            Assert.Equal(5, anomaly.LowerLimit);
            Assert.Null(anomaly.UpperLimit);
            Assert.Equal("B205", anomaly.ProductId);
            Assert.Equal("temperature <= 5", anomaly.Rule);
        }
    }

    [Fact]
    public void Rule_of_another_metric_does_not_apply()
    {
        var evaluator = new ThresholdEvaluator(NoZScore(new ThresholdRule { Metric = "temperature", Upper = 30 }));

        Assert.Null(evaluator.Judge(DeviceId, null, T0, new Metric("humidity", 99)));
        Assert.Null(evaluator.RuleFor(DeviceId, null, "humidity"));
    }

    [Fact]
    public void Most_specific_rule_wins_whatever_the_order_listed()
    {
        var global = new ThresholdRule { Metric = "temperature", Upper = 30 };
        var product = new ThresholdRule { Metric = "temperature", Upper = 40, ProductId = "B205" };
        var device = new ThresholdRule { Metric = "temperature", Upper = 50, DeviceId = "M-001" };
        var deviceAndProduct = new ThresholdRule { Metric = "temperature", Upper = 60, DeviceId = "M-001", ProductId = "C300" };

        foreach (var rules in new[] { new[] { global, product, device, deviceAndProduct }, new[] { deviceAndProduct, device, product, global } })
        {
            var evaluator = new ThresholdEvaluator(NoZScore(rules));

            Assert.Same(device, evaluator.RuleFor("M-001", "B205", "temperature"));
            Assert.Same(device, evaluator.RuleFor("M-001", null, "temperature"));
            Assert.Same(deviceAndProduct, evaluator.RuleFor("M-001", "C300", "temperature"));
            Assert.Same(product, evaluator.RuleFor("M-002", "B205", "temperature"));
            Assert.Same(global, evaluator.RuleFor("M-002", null, "temperature"));
            Assert.Same(global, evaluator.RuleFor("M-002", "C300", "temperature"));

            Assert.Null(evaluator.Judge("M-001", "B205", T0, new Metric("temperature", 45)));
            Assert.Equal(50, evaluator.Judge("M-001", "B205", T0, new Metric("temperature", 55))!.UpperLimit);
            Assert.Equal(40, evaluator.Judge("M-002", "B205", T0, new Metric("temperature", 45))!.UpperLimit);
            Assert.Equal(30, evaluator.Judge("M-002", null, T0, new Metric("temperature", 35))!.UpperLimit);
        }
    }

    [Fact]
    public void Detector_applies_new_rules_when_the_version_changes()
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();
        var v1 = NoZScore(new ThresholdRule { Metric = "temperature", Upper = 30 });
        var v2 = v1 with { Thresholds = [new ThresholdRule { Metric = "temperature", Upper = 40 }], Version = 2 };

        detector.Judge(DeviceId, state, [Reading(At(0), ("temperature", 35))], v1, NoLimits, anomalies);
        detector.Judge(DeviceId, state, [Reading(At(1), ("temperature", 35))], v2, NoLimits, anomalies);
        detector.Judge(DeviceId, state, [Reading(At(2), ("temperature", 45))], v2, NoLimits, anomalies);

        Assert.Equal(2, anomalies.Count);
        Assert.Equal((At(0), 30.0), (anomalies[0].TargetTime, anomalies[0].UpperLimit!.Value));
        Assert.Equal((At(2), 40.0), (anomalies[1].TargetTime, anomalies[1].UpperLimit!.Value));
    }

    [Fact]
    public void Detector_keeps_the_prepared_rules_while_the_version_is_unchanged()
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();
        var v1 = NoZScore(new ThresholdRule { Metric = "temperature", Upper = 30 });
        var sameVersion = v1 with { Thresholds = [new ThresholdRule { Metric = "temperature", Upper = 40 }] };

        detector.Judge(DeviceId, state, [Reading(At(0), ("temperature", 35))], v1, NoLimits, anomalies);
        detector.Judge(DeviceId, state, [Reading(At(1), ("temperature", 35))], sameVersion, NoLimits, anomalies);

        Assert.Equal(2, anomalies.Count);
    }
}
