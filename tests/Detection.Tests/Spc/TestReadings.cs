using Actors.Grains.Interfaces;

namespace Actors.Detection.Tests.Spc;

/// <summary>Builds readings and reading streams for SPC tests.</summary>
internal static class TestReadings
{
    public static Reading At(string deviceId, DateTime timestamp, params (string Name, double Value)[] metrics) => new()
    {
        DeviceId = deviceId,
        ProductId = "B205",
        Timestamp = timestamp,
        Metrics = [.. metrics.Select(metric => new Metric(metric.Name, metric.Value))],
    };

    public static Reading Thickness(string deviceId, DateTime timestamp, double value) =>
        At(deviceId, timestamp, ("thickness", value));

    /// <summary>
    /// What the device grains answer for each reading: per metric, |x - the device's previous value of it on the
    /// product|, NaN for the device's first.
    /// </summary>
    public static double[][] MovingRanges(IReadOnlyList<Reading> readings)
    {
        var previous = new Dictionary<(string Device, string? Product, string Metric), double>();
        return [.. readings.Select(reading => reading.Metrics.Select(metric =>
        {
            var key = (reading.DeviceId, reading.ProductId, metric.Name);
            var range = previous.TryGetValue(key, out var last) ? Math.Abs(metric.Value - last) : double.NaN;
            previous[key] = metric.Value;
            return range;
        }).ToArray())];
    }

    /// <summary>
    /// A manufacturing line: each device reports thickness and line speed every 40-80 s from <paramref name="from"/>
    /// for <paramref name="duration"/>, merged by time; about one reading in 50 arrives up to 20 minutes late.
    /// </summary>
    public static List<Reading> Line(int seed, DateTime from, TimeSpan duration, params string[] devices)
    {
        var random = new Random(seed);
        var readings = new List<Reading>();
        foreach (var device in devices)
        {
            for (var t = from.AddSeconds(random.Next(0, 60)); t < from + duration; t = t.AddSeconds(random.Next(40, 81)))
            {
                var thickness = 50 + 0.5 * (random.NextDouble() + random.NextDouble() - 1);
                var lineSpeed = 1e6 + random.NextDouble();
                readings.Add(At(device, t.AddTicks(random.Next(0, 10_000_000)), ("thickness", thickness), ("line_speed", lineSpeed)));
            }
        }

        var ordered = readings.OrderBy(reading => reading.Timestamp).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (random.Next(50) == 0)
            {
                var late = ordered[i];
                var target = ordered.FindIndex(i, reading => reading.Timestamp > late.Timestamp.AddMinutes(20));
                if (target > i && ordered.Skip(i + 1).Take(target - i - 1).All(reading => reading.DeviceId != late.DeviceId))
                {
                    ordered.RemoveAt(i);
                    ordered.Insert(target - 1, late);
                }
            }
        }

        return ordered;
    }
}
