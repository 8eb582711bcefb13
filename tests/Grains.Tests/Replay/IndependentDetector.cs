using Actors.Grains.Interfaces;
using MathNet.Numerics.Statistics;

namespace Actors.Grains.Tests.Replay;

/// <summary>
/// The detection rules of the README written again, as plainly as possible and without any of the production code:
/// raw values, MathNet statistics, UTC days. The replay must find exactly what this finds.
/// </summary>
public sealed class IndependentDetector(double temperatureUpper, double windowSeconds, double bound, int minSamples, int minReadings)
{
    public List<ExpectedAlert> Run(IReadOnlyList<Reading> readingsInFileOrder)
    {
        var alerts = new List<ExpectedAlert>();
        var accepted = Deduplicate(readingsInFileOrder);
        var productValues = accepted.Where(r => r.ProductId is not null)
            .SelectMany(r => r.Metrics.Select(m => (Product: r.ProductId!, m.Name, r.Timestamp, m.Value)))
            .ToLookup(x => (x.Product, x.Name));
        var limitsCache = new Dictionary<(string, string, DateOnly), (double Ucl, double Lcl, double UclX, double LclX)?>();
        var series = new Dictionary<(string, string, string), List<double>>();
        var windows = new Dictionary<(string, string), (long Index, List<(DateTime Time, double Value)> Values)>();
        var windowTicks = (long)(windowSeconds * TimeSpan.TicksPerSecond);

        foreach (var reading in accepted)
        {
            foreach (var metric in reading.Metrics)
            {
                var index = reading.Timestamp.Ticks / windowTicks;
                if (windows.TryGetValue((reading.DeviceId, metric.Name), out var window) && window.Index != index)
                {
                    JudgeWindow(reading.DeviceId, metric.Name, window.Values, alerts);
                    windows.Remove((reading.DeviceId, metric.Name));
                }
                if (!windows.ContainsKey((reading.DeviceId, metric.Name)))
                {
                    windows[(reading.DeviceId, metric.Name)] = (index, []);
                }
                windows[(reading.DeviceId, metric.Name)].Values.Add((reading.Timestamp, metric.Value));

                if (metric.Name == "temperature" && metric.Value >= temperatureUpper)
                {
                    alerts.Add(new ExpectedAlert(AnomalyType.Threshold, reading.DeviceId, metric.Name, reading.Timestamp, metric.Value));
                }
                if (reading.ProductId is not { } product)
                {
                    continue;
                }
                var day = DateOnly.FromDateTime(reading.Timestamp);
                if (!limitsCache.TryGetValue((product, metric.Name, day), out var limits))
                {
                    var dayStart = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                    var values = productValues[(product, metric.Name)]
                        .Where(x => x.Timestamp >= dayStart.AddHours(-72) && x.Timestamp < dayStart)
                        .Select(x => x.Value).ToArray();
                    limits = values.Length >= minReadings ? Limits(values) : null;
                    limitsCache[(product, metric.Name, day)] = limits;
                }
                if (!series.TryGetValue((reading.DeviceId, product, metric.Name), out var last))
                {
                    series[(reading.DeviceId, product, metric.Name)] = last = [];
                }
                last.Add(metric.Value);
                if (last.Count > 5)
                {
                    last.RemoveAt(0);
                }
                if (limits is not { } l)
                {
                    continue;
                }
                if (metric.Value > l.Ucl || metric.Value < l.Lcl)
                {
                    alerts.Add(new ExpectedAlert(AnomalyType.Provisional, reading.DeviceId, metric.Name, reading.Timestamp, metric.Value));
                }
                if (last.Count == 5)
                {
                    var mean = last.Mean();
                    if (mean > l.UclX || mean < l.LclX)
                    {
                        alerts.Add(new ExpectedAlert(AnomalyType.Confirmed, reading.DeviceId, metric.Name, reading.Timestamp, mean));
                    }
                }
            }
        }
        foreach (var ((device, metric), window) in windows)
        {
            JudgeWindow(device, metric, window.Values, alerts);
        }
        return alerts;
    }

    private static (double, double, double, double) Limits(double[] values)
    {
        var mean = values.Mean();
        var sd = values.StandardDeviation();
        return (mean + 3 * sd, mean - 3 * sd, mean + 3 * sd / Math.Sqrt(5), mean - 3 * sd / Math.Sqrt(5));
    }

    private void JudgeWindow(string device, string metric, List<(DateTime Time, double Value)> values, List<ExpectedAlert> alerts)
    {
        if (values.Count < minSamples)
        {
            return;
        }
        var mean = values.Select(v => v.Value).Mean();
        var sd = values.Select(v => v.Value).StandardDeviation();
        if (!(sd > 0))
        {
            return;
        }
        alerts.AddRange(values.Where(v => Math.Abs(v.Value - mean) / sd > bound)
            .Select(v => new ExpectedAlert(AnomalyType.ZScore, device, metric, v.Time, v.Value)));
    }

    private static List<Reading> Deduplicate(IReadOnlyList<Reading> readings)
    {
        var latest = new Dictionary<string, DateTime>();
        var accepted = new List<Reading>();
        foreach (var reading in readings)
        {
            if (latest.TryGetValue(reading.DeviceId, out var last) && reading.Timestamp <= last)
            {
                continue;
            }
            latest[reading.DeviceId] = reading.Timestamp;
            accepted.Add(reading);
        }
        return accepted;
    }
}
