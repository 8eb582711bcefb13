using Actors.Detection.Device;
using Actors.Detection.Spc;
using Actors.Detection.Spc.Charts;
using Actors.Detection.Tests.Spc.Charts;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;
using static Actors.Detection.Tests.Device.DeviceTestData;

namespace Actors.Detection.Tests.Device;

/// <summary>
/// The charts beyond the seed's limits, judged by the device detector, against plain loops over the raw series:
/// run rules on the individuals and X-bar charts, the moving range, EWMA and CUSUM.
/// </summary>
public sealed class SeriesChartTests
{
    private const double Mean = 50;
    private const double Sd = 0.5;
    private static readonly ControlLimits B205 = Limits("B205", "thickness", Mean, Sd);
    private static readonly DetectionRules Rules = NoZScore();

    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(DeviceState).Assembly).AddAssembly(typeof(Anomaly).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static SpcOptions AllCharts(RunRuleSettings k) => new()
    {
        Charts = new ChartOptions
        {
            RunRules = [1, 2, 3, 4, 5, 6, 7, 8],
            K1 = k.K1, K2 = k.K2, K3 = k.K3, K4 = k.K4, K5 = k.K5, K6 = k.K6, K7 = k.K7, K8 = k.K8,
            MovingRange = true,
            Ewma = true,
            EwmaLambda = 0.2,
            EwmaL = 2.7,
            Cusum = true,
            CusumK = 0.5,
            CusumH = 4,
        },
    };

    [Fact]
    public void Every_chart_finds_what_a_plain_loop_over_the_raw_series_finds()
    {
        var k = new RunRuleSettings { K2 = 7, K3 = 5, K4 = 8, K7 = 12 };
        var values = Series(seed: 4, count: 3_000);

        var anomalies = Judge(new DeviceDetector(charts: new SeriesRulesBook(AllCharts(k))), values, batchSize: values.Length);

        var index = values.Select((_, i) => (Time: At(i), i)).ToDictionary(p => p.Time, p => p.i);
        var found = anomalies.Where(a => a.AnomalyType is not (AnomalyType.Provisional or AnomalyType.Confirmed))
            .Select(a => (a.AnomalyType, Index: index[a.TargetTime], Code: Code(a)))
            .ToList();

        var expected = new List<(AnomalyType, int, string)>();
        var settings = new RunRuleSettings { Tests = Enum.GetValues<NelsonTest>(), K2 = 7, K3 = 5, K4 = 8, K7 = 12 };
        expected.AddRange(RunRuleOracle.Run(values, Mean, Sd, settings).Select(v => (AnomalyType.RunRule, v.Index, $"I{(int)v.Test}")));
        var means = values.Chunk(5).Where(c => c.Length == 5).Select(c => c.Sum() / 5).ToArray();
        expected.AddRange(RunRuleOracle.Run(means, Mean, Sd / Math.Sqrt(5), settings).Select(v => (AnomalyType.RunRule, 5 * v.Index + 4, $"X{(int)v.Test}")));
        for (var i = 1; i < values.Length; i++)
        {
            if (Math.Abs(values[i] - values[i - 1]) > 3.267 * 1.128 * Sd)
            {
                expected.Add((AnomalyType.MovingRange, i, ""));
            }
        }

        var z = Mean;
        for (var i = 0; i < values.Length; i++)
        {
            z = 0.2 * values[i] + 0.8 * z;
            var width = 2.7 * Sd * Math.Sqrt(0.2 / 1.8 * (1 - Math.Pow(0.8, 2 * (i + 1))));
            if (Math.Abs(z - Mean) > width)
            {
                expected.Add((AnomalyType.Ewma, i, ""));
            }
        }

        double up = 0, down = 0;
        for (var i = 0; i < values.Length; i++)
        {
            up = Math.Max(0, up + values[i] - Mean - 0.5 * Sd);
            down = Math.Max(0, down + Mean - 0.5 * Sd - values[i]);
            if (up > 4 * Sd || down > 4 * Sd)
            {
                expected.Add((AnomalyType.Cusum, i, up > 4 * Sd ? "Up" : "Down"));
                up = down = 0;
            }
        }

        Assert.Equal(Sorted(expected), Sorted(found));
        Assert.All(new[] { AnomalyType.RunRule, AnomalyType.MovingRange, AnomalyType.Ewma, AnomalyType.Cusum },
            type => Assert.Contains(found, f => f.AnomalyType == type));
        Assert.Contains(found, f => f.Code.StartsWith('X'));
    }

    [Fact]
    public void Batch_size_and_a_state_round_trip_between_batches_change_nothing()
    {
        var settings = AllCharts(new RunRuleSettings());
        var values = Series(seed: 9, count: 1_500);

        var whole = Judge(new DeviceDetector(charts: new SeriesRulesBook(settings)), values, batchSize: values.Length);
        var oneByOne = Judge(new DeviceDetector(charts: new SeriesRulesBook(settings)), values, batchSize: 1, roundTrip: true);
        var sevens = Judge(new DeviceDetector(charts: new SeriesRulesBook(settings)), values, batchSize: 7, roundTrip: true);

        Assert.Equal(whole.Select(a => a.AlertId), oneByOne.Select(a => a.AlertId));
        Assert.Equal(whole, sevens);
        Assert.Equal(whole.Count, whole.Select(a => a.AlertId).Distinct().Count());
    }

    [Fact]
    public void A_run_rule_anomaly_names_the_test_the_chart_and_the_limits()
    {
        var settings = new SpcOptions { Charts = new ChartOptions { RunRules = [2] } };

        var anomalies = Judge(new DeviceDetector(charts: new SeriesRulesBook(settings)), [.. Enumerable.Repeat(50.1, 9)], batchSize: 9);

        var runRule = Assert.Single(anomalies);
        Assert.Equal(AnomalyType.RunRule, runRule.AnomalyType);
        Assert.Equal("Nelson 2: 9 points in a row above the center line (individuals chart)", runRule.Rule);
        Assert.Equal((50.1, B205.UclI, B205.LclI, "2026-02-17"), (runRule.MeasuredValue, runRule.UpperLimit, runRule.LowerLimit, runRule.BaselineRef));
        Assert.Equal($"{DeviceId}/thickness/RunRule-I2/20260217T120008.0000000Z", runRule.AlertId);
    }

    [Fact]
    public void Charts_keep_no_state_for_series_whose_rules_enable_none()
    {
        var state = new DeviceState();
        new DeviceDetector(charts: SeriesRulesBook.Empty).Judge(DeviceId, state, [ProductReading("B205", At(0), ("thickness", 50))], Rules, (_, _) => [B205], []);

        Assert.Null(state.Charts);
    }

    [Fact]
    public void A_new_days_limits_restart_the_charts()
    {
        var settings = new SpcOptions { Charts = new ChartOptions { RunRules = [2] } };
        var detector = new DeviceDetector(charts: new SeriesRulesBook(settings));
        var state = new DeviceState();
        var nextDay = B205 with { Date = new DateOnly(2026, 2, 18) };
        var anomalies = new List<Anomaly>();

        detector.Judge(DeviceId, state, [.. Enumerable.Range(0, 8).Select(i => ProductReading("B205", At(i), ("thickness", 50.1)))], Rules, (_, _) => [B205], anomalies);
        detector.Judge(DeviceId, state, [ProductReading("B205", At(9), ("thickness", 50.1))], Rules, (_, _) => [nextDay], anomalies);

        Assert.Empty(anomalies);
    }

    private static List<Anomaly> Judge(DeviceDetector detector, double[] values, int batchSize, bool roundTrip = false)
    {
        var state = new DeviceState();
        var anomalies = new List<Anomaly>();
        var readings = values.Select((v, i) => ProductReading("B205", At(i), ("thickness", v))).ToArray();
        foreach (var batch in readings.Chunk(batchSize))
        {
            detector.Judge(DeviceId, state, batch, Rules, (_, _) => [B205], anomalies);
            if (roundTrip)
            {
                state = Serializer.Deserialize<DeviceState>(Serializer.SerializeToArray(state)) ?? throw new InvalidOperationException("no state");
            }
        }

        return anomalies;
    }

    private static double[] Series(int seed, int count)
    {
        var random = new Random(seed);
        var shift = 0.0;
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (random.NextDouble() < 0.01)
            {
                shift = (random.NextDouble() - 0.5) * 1.5 * Sd;
            }

            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            values[i] = Math.Round((Mean + shift + normal * Sd) * 20) / 20;
        }

        return values;
    }

    private static string Code(Anomaly anomaly) => anomaly.AnomalyType switch
    {
        AnomalyType.RunRule => (anomaly.Rule!.EndsWith("(individuals chart)", StringComparison.Ordinal) ? "I" : "X")
            + anomaly.Rule["Nelson ".Length],
        AnomalyType.Cusum => anomaly.Rule!.StartsWith("CUSUM C+", StringComparison.Ordinal) ? "Up" : "Down",
        _ => "",
    };

    private static List<(AnomalyType, int, string)> Sorted(IEnumerable<(AnomalyType, int, string)> items) =>
        [.. items.Order()];
}
