using Actors.Detection.Device;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;
using static Actors.Detection.Tests.Device.DeviceTestData;

namespace Actors.Detection.Tests.Device;

/// <summary>
/// The stored item of a device is its <see cref="DeviceState"/> written by the Orleans serializer (the silo's grain
/// storage serializer). DynamoDB bills a write per started KB, so a device of a manufacturing line should stay in one.
/// </summary>
public sealed class DeviceItemSizeTests : IDisposable
{
    private static readonly (string Name, double Mean, double Sd)[] LineMetrics = [("thickness", 50, 0.5), ("line_speed", 50, 0.3), ("temperature", 25, 1)];

    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(DeviceState).Assembly).AddAssembly(typeof(Reading).Assembly))
        .BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void A_line_with_three_metrics_and_a_product_stays_under_1_KB_after_a_day_of_readings_every_20_seconds()
    {
        var rules = new DetectionRules
        {
            Thresholds = [new ThresholdRule { Metric = "temperature", Upper = 30 }, new ThresholdRule { Metric = "thickness", Upper = 55, Lower = 45 }],
            ZScore = new ZScoreSettings(),
            Version = 1,
        };

        var state = Judge(rules, TimeSpan.FromSeconds(20), TimeSpan.FromDays(1));

        Assert.Equal(4_320, state.Accepted);
        Assert.Equal(3, state.Windows.Count);
        Assert.Equal(3, state.Series.Count);
        Assert.InRange(StoredBytes(state), 1, 1_023);
    }

    [Fact]
    public void A_day_long_window_on_readings_every_second_holds_MaxSamples_values_per_metric_and_the_item_stays_bounded()
    {
        var rules = new DetectionRules { ZScore = new ZScoreSettings { WindowSeconds = 86_400 }, Version = 1 };

        var state = Judge(rules, TimeSpan.FromSeconds(1), TimeSpan.FromHours(3));

        Assert.Equal(10_800, state.Accepted);
        Assert.All(state.Windows, window =>
        {
            Assert.Equal(10_800, window.Count);
            Assert.Equal(ZScoreSettings.DefaultMaxSamples, window.Samples.Count);
        });
        Assert.InRange(StoredBytes(state), 1, 5 * 1024);
    }

    private static DeviceState Judge(DetectionRules rules, TimeSpan interval, TimeSpan duration)
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var random = new Random(17);
        ControlLimits[] limits = [Limits("B205", "thickness", 50, 0.5), Limits("B205", "line_speed", 50, 0.3)];
        var readings = new List<Reading>(1_000);
        var midnight = T0.Date;
        for (var time = midnight; time < midnight + duration; time += interval)
        {
            readings.Add(ProductReading("B205", time, [.. LineMetrics.Select(m => (m.Name, m.Mean + (m.Sd * (random.NextDouble() - 0.5) * 3)))]));
            if (readings.Count == 1_000)
            {
                detector.Judge(DeviceId, state, readings, rules, (_, _) => limits, []);
                readings.Clear();
            }
        }

        detector.Judge(DeviceId, state, readings, rules, (_, _) => limits, []);
        return state;
    }

    private int StoredBytes(DeviceState state) => _services.GetRequiredService<Serializer>().SerializeToArray(state).Length;
}
