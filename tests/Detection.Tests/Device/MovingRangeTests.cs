using Actors.Detection.Device;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;
using static Actors.Detection.Tests.Device.DeviceTestData;

namespace Actors.Detection.Tests.Device;

/// <summary>
/// The moving ranges a device computes for its products' moving-range charts: |x - the device's previous value of the
/// metric on that product| for every judged reading, whatever the batching, and the same after the state went through
/// storage (a checkpoint) as without.
/// </summary>
public sealed class MovingRangeTests
{
    private static readonly DetectionRules Rules = NoZScore();

    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(DeviceState).Assembly).AddAssembly(typeof(Anomaly).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void Moving_ranges_are_the_differences_of_consecutive_judged_values_per_product_and_metric_whatever_the_batching()
    {
        var readings = Readings(seed: 3, count: 400);
        var expected = PlainMovingRanges(readings);

        var whole = Judge(readings, batchSize: readings.Count, roundTrip: false);
        var sevens = Judge(readings, batchSize: 7, roundTrip: true);
        var ones = Judge(readings, batchSize: 1, roundTrip: true);

        Assert.Equal(readings.Count, expected.Count);
        Assert.Contains(expected, ranges => ranges is not null && ranges.Any(double.IsNaN));
        Assert.Contains(expected, ranges => ranges is null);
        Assert.Equal(expected, whole, RangesComparer.Instance);
        Assert.Equal(expected, sevens, RangesComparer.Instance);
        Assert.Equal(expected, ones, RangesComparer.Instance);
    }

    [Fact]
    public void Duplicates_and_readings_without_a_product_get_no_moving_ranges_and_do_not_move_the_previous_value()
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        Reading[] readings =
        [
            ProductReading("B205", At(0), ("thickness", 50)),
            ProductReading("B205", At(0), ("thickness", 70)),
            Reading(At(1), ("thickness", 90)),
            ProductReading("B205", At(2), ("thickness", 50.5), ("line_speed", 3)),
        ];
        var ranges = new double[]?[readings.Length];

        detector.Judge(DeviceId, state, readings, Rules, NoLimits, [], ranges);

        Assert.Equal([double.NaN], ranges[0]!);
        Assert.Null(ranges[1]);
        Assert.Null(ranges[2]);
        Assert.Equal([0.5, double.NaN], ranges[3]!);
    }

    private static List<double[]?> Judge(List<Reading> readings, int batchSize, bool roundTrip)
    {
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var all = new List<double[]?>();
        foreach (var batch in readings.Chunk(batchSize))
        {
            var ranges = new double[]?[batch.Length];
            detector.Judge(DeviceId, state, batch, Rules, NoLimits, [], ranges);
            all.AddRange(ranges);
            if (roundTrip)
            {
                state = Serializer.Deserialize<DeviceState>(Serializer.SerializeToArray(state))!;
            }
        }
        return all;
    }

    /// <summary>The rule written plainly: a reading at or before the device's latest time is dropped; otherwise each metric's range to the previous value of the same product and metric.</summary>
    private static List<double[]?> PlainMovingRanges(List<Reading> readings)
    {
        var previous = new Dictionary<(string, string), double>();
        DateTime? latest = null;
        var result = new List<double[]?>();
        foreach (var reading in readings)
        {
            if (reading.Timestamp <= latest)
            {
                result.Add(null);
                continue;
            }
            latest = reading.Timestamp;
            if (reading.ProductId is not { } product)
            {
                result.Add(null);
                continue;
            }
            result.Add([.. reading.Metrics.Select(metric =>
            {
                var range = previous.TryGetValue((product, metric.Name), out var last) ? Math.Abs(metric.Value - last) : double.NaN;
                previous[(product, metric.Name)] = metric.Value;
                return range;
            })]);
        }
        return result;
    }

    /// <summary>A line switching between two products and none, with a metric now and then missing, and some repeats.</summary>
    private static List<Reading> Readings(int seed, int count)
    {
        var random = new Random(seed);
        var readings = new List<Reading>();
        var time = 0.0;
        for (var i = 0; i < count; i++)
        {
            time += random.Next(5) == 0 ? 0 : 1 + random.NextDouble();
            var product = (i / 37 % 3) switch { 0 => "B205", 1 => "B206", _ => null };
            var metrics = random.Next(6) == 0
                ? new[] { ("line_speed", 50 + random.NextDouble()) }
                : [("thickness", 50 + random.NextDouble() - 0.5), ("line_speed", 50 + random.NextDouble())];
            readings.Add(ReadingOf(DeviceId, product, At(time), metrics));
        }
        return readings;
    }

    private sealed class RangesComparer : IEqualityComparer<double[]?>
    {
        public static readonly RangesComparer Instance = new();

        public bool Equals(double[]? x, double[]? y) =>
            x is null || y is null ? x is null && y is null : x.AsSpan().SequenceEqual(y);

        public int GetHashCode(double[]? obj) => obj?.Length ?? -1;
    }
}
