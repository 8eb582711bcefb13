using Actors.Benchmarks.Data;
using Actors.Grains.Interfaces;

namespace Actors.Benchmarks.Memory;

/// <summary>
/// The readings each device of the memory measurement gets, in one or more passes (batches) per device: a
/// manufacturing line making one product (the product of device <c>i</c> is product <c>i mod 3</c>), one reading a
/// second from <see cref="Start"/> (a z-score window boundary), each with <see cref="MetricCount"/> metrics. With 40
/// readings a pass closes one 20 s window and leaves a full one (20 values per metric), and every X-bar series holds
/// its 5 values. Normal values are around the targets; anomalous ones break the temperature threshold and both
/// control limits in every reading. Values carry <see cref="Decimals"/> decimals, as records do (the simulator writes 1-2).
/// </summary>
public sealed class DeviceFeed
{
    /// <summary>Event time of every device's first reading.</summary>
    public static readonly DateTime Start = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    private static readonly (string Name, double Mean, double StdDev)[] Metrics =
    [
        ("thickness", 0, 0.5),
        ("line_speed", 50.0, 0.3),
        ("temperature", 25.0, 1.0),
        ("humidity", 40.0, 2.0),
        ("distance", 120.0, 5.0),
    ];

    public DeviceFeed(int readingsPerDevice, int metricCount, FeedProfile profile, int decimals = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(decimals, -1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 15);
        Decimals = decimals;
        ArgumentOutOfRangeException.ThrowIfLessThan(readingsPerDevice, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(metricCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(metricCount, Metrics.Length);
        ReadingsPerDevice = readingsPerDevice;
        MetricCount = metricCount;
        Profile = profile;
        Passes = profile switch
        {
            FeedProfile.Steady => [true, false],
            FeedProfile.Anomalous => [true],
            FeedProfile.Idle => [],
            _ => [false],
        };
    }

    public int ReadingsPerDevice { get; }

    public int MetricCount { get; }

    public FeedProfile Profile { get; }

    /// <summary>Decimals of every value; -1 keeps the full precision of the random draw.</summary>
    public int Decimals { get; }

    /// <summary>Whether each pass, in order, is anomalous.</summary>
    public IReadOnlyList<bool> Passes { get; }

    /// <summary>The ID of device <paramref name="index"/> of the group <paramref name="prefix"/>.</summary>
    public static string DeviceId(string prefix, int index) => $"{prefix}-{index:D6}";

    /// <summary>The readings of pass <paramref name="pass"/> of device <paramref name="index"/> of group <paramref name="prefix"/>, oldest first.</summary>
    public Reading[] For(string prefix, int index, int pass)
    {
        var anomalous = Passes[pass];
        var first = Start.AddSeconds(pass * ReadingsPerDevice);
        var random = new Random(HashCode.Combine(index, pass));
        var (product, target) = BenchmarkRules.Products[index % BenchmarkRules.Products.Length];
        var deviceId = DeviceId(prefix, index);
        var readings = new Reading[ReadingsPerDevice];
        for (var k = 0; k < readings.Length; k++)
        {
            var metrics = new Metric[MetricCount];
            for (var m = 0; m < metrics.Length; m++)
            {
                var (name, mean, sd) = Metrics[m];
                var value = Normal(random, name == "thickness" ? target : mean, sd);
                var drawn = anomalous ? Outlier(name, value) : value;
                metrics[m] = new Metric(name, Decimals < 0 ? drawn : Math.Round(drawn, Decimals, MidpointRounding.AwayFromZero));
            }
            readings[k] = new Reading { DeviceId = deviceId, ProductId = product, Timestamp = first.AddSeconds(k), Metrics = metrics };
        }
        return readings;
    }

    /// <summary>Pass <paramref name="pass"/> of devices <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1, device after device.</summary>
    public List<Reading> Batch(string prefix, int first, int count, int pass)
    {
        var batch = new List<Reading>(count * ReadingsPerDevice);
        for (var i = first; i < first + count; i++)
        {
            batch.AddRange(For(prefix, i, pass));
        }
        return batch;
    }

    private static double Outlier(string metric, double value) => metric switch
    {
        "thickness" => value + 2.0,
        "temperature" => value + 10.0,
        _ => value,
    };

    private static double Normal(Random random, double mean, double sd)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return mean + (sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }
}
