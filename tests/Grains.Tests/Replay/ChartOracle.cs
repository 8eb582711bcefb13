using Actors.Grains.Interfaces;
using MathNet.Numerics.Statistics;

namespace Actors.Grains.Tests.Replay;

/// <summary>
/// The individuals-chart rules written again for the replay, without the production code: per device, product and
/// metric, the values that have limits (72 h before their UTC day, at least 30 readings, sample sd), restarted at each
/// new day; Western Electric run rules by looking back over the day's points, moving range against 3.267 MR-bar (each
/// device's consecutive values of the product, the later one in the window),
/// EWMA with time-varying limits, tabular CUSUM restarted after a signal.
/// </summary>
public static class ChartOracle
{
    public const double Lambda = 0.2;
    public const double L = 3;
    public const double K = 0.5;
    public const double H = 4;

    public static List<(AnomalyType Type, string Device, string Metric, DateTime Time, string Qualifier, double Value)> Run(IReadOnlyList<Reading> readingsInFileOrder)
    {
        var accepted = new List<Reading>();
        var latest = new Dictionary<string, DateTime>();
        foreach (var reading in readingsInFileOrder)
        {
            if (!latest.TryGetValue(reading.DeviceId, out var last) || reading.Timestamp > last)
            {
                latest[reading.DeviceId] = reading.Timestamp;
                accepted.Add(reading);
            }
        }

        var byProductMetric = accepted.Where(r => r.ProductId is not null)
            .SelectMany(r => r.Metrics.Select(m => (Product: r.ProductId!, m.Name, r.Timestamp, m.Value, r.DeviceId)))
            .ToLookup(x => (x.Product, x.Name));
        var limits = new Dictionary<(string, string, DateOnly), (double Mean, double Sd, double MrBar)?>();
        var series = new Dictionary<(string, string, string), Series>();
        var found = new List<(AnomalyType, string, string, DateTime, string, double)>();
        foreach (var reading in accepted)
        {
            if (reading.ProductId is not { } product)
            {
                continue;
            }

            var day = DateOnly.FromDateTime(reading.Timestamp);
            foreach (var metric in reading.Metrics)
            {
                if (!limits.TryGetValue((product, metric.Name, day), out var dayLimits))
                {
                    var start = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                    var values = byProductMetric[(product, metric.Name)]
                        .Where(x => x.Timestamp >= start.AddHours(-72) && x.Timestamp < start).Select(x => x.Value).ToArray();
                    var ranges = byProductMetric[(product, metric.Name)].GroupBy(x => x.DeviceId)
                        .SelectMany(device => device.Zip(device.Skip(1)))
                        .Where(pair => pair.Second.Timestamp >= start.AddHours(-72) && pair.Second.Timestamp < start)
                        .Select(pair => Math.Abs(pair.Second.Value - pair.First.Value))
                        .ToArray();
                    dayLimits = values.Length >= 30 ? (values.Mean(), values.StandardDeviation(), ranges.Average()) : null;
                    limits[(product, metric.Name, day)] = dayLimits;
                }

                if (dayLimits is not { } l)
                {
                    continue;
                }

                if (!series.TryGetValue((reading.DeviceId, product, metric.Name), out var s))
                {
                    series[(reading.DeviceId, product, metric.Name)] = s = new Series();
                }

                if (s.Day != day)
                {
                    s.Day = day;
                    s.Points.Clear();
                    s.Ewma = l.Mean;
                    s.EwmaPoints = 0;
                    s.Up = s.Down = 0;
                }

                var x = metric.Value;
                void Found(AnomalyType type, string qualifier, double value) =>
                    found.Add((type, reading.DeviceId, metric.Name, reading.Timestamp, qualifier, value));

                s.Points.Add((x - l.Mean) / l.Sd);
                var z = s.Points;
                var n = z.Count;
                if (Math.Abs(z[^1]) > 3)
                {
                    Found(AnomalyType.RunRule, "I1", x);
                }

                if (n >= 8 && (z.TakeLast(8).All(v => v > 0) || z.TakeLast(8).All(v => v < 0)))
                {
                    Found(AnomalyType.RunRule, "I2", x);
                }

                if ((z[^1] > 2 && z.TakeLast(3).Count(v => v > 2) >= 2) || (z[^1] < -2 && z.TakeLast(3).Count(v => v < -2) >= 2))
                {
                    Found(AnomalyType.RunRule, "I5", x);
                }

                if ((z[^1] > 1 && z.TakeLast(5).Count(v => v > 1) >= 4) || (z[^1] < -1 && z.TakeLast(5).Count(v => v < -1) >= 4))
                {
                    Found(AnomalyType.RunRule, "I6", x);
                }

                if (s.Last is { } previous && Math.Abs(x - previous) > 3.267 * l.MrBar)
                {
                    Found(AnomalyType.MovingRange, "", Math.Abs(x - previous));
                }

                s.Last = x;
                s.EwmaPoints++;
                s.Ewma = Lambda * x + (1 - Lambda) * s.Ewma;
                var width = L * l.Sd * Math.Sqrt(Lambda / (2 - Lambda) * (1 - Math.Pow(1 - Lambda, 2 * s.EwmaPoints)));
                if (Math.Abs(s.Ewma - l.Mean) > width)
                {
                    Found(AnomalyType.Ewma, "", s.Ewma);
                }

                s.Up = Math.Max(0, s.Up + x - l.Mean - K * l.Sd);
                s.Down = Math.Max(0, s.Down + l.Mean - K * l.Sd - x);
                if (s.Up > H * l.Sd || s.Down > H * l.Sd)
                {
                    Found(AnomalyType.Cusum, s.Up > H * l.Sd ? "Up" : "Down", Math.Max(s.Up, s.Down));
                    s.Up = s.Down = 0;
                }
            }
        }

        return found;
    }

    private sealed class Series
    {
        public DateOnly Day { get; set; }
        public List<double> Points { get; } = [];
        public double? Last { get; set; }
        public double Ewma { get; set; }
        public int EwmaPoints { get; set; }
        public double Up { get; set; }
        public double Down { get; set; }
    }
}
