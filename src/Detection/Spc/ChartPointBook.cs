using Actors.Grains.Interfaces;

namespace Actors.Detection.Spc;

/// <summary>
/// The recent points of a product's device and metric series, for control charts to look at: at most
/// <see cref="SpcOptions.ChartPoints"/> per series and <see cref="SpcOptions.ChartSeries"/> series (the least recently
/// updated is dropped), so the product grain's state stays bounded whatever the number of devices.
/// </summary>
[GenerateSerializer, Alias("spc-chart-point-book")]
public sealed class ChartPointBook
{
    [Id(0)] private Dictionary<string, Dictionary<string, ChartPointRing>> _series = [];

    /// <summary>Series with points.</summary>
    public int Series
    {
        get
        {
            var count = 0;
            foreach (var metrics in _series.Values)
            {
                count += metrics.Count;
            }
            return count;
        }
    }

    /// <summary>
    /// Adds every metric of a counted reading: first to the series the book has, then to new ones, each of which takes
    /// the place of the least recently updated series once the book is full (or is left out when it would be that
    /// series itself), so a new device costs no allocation and no sort when the book is full.
    /// </summary>
    public void Add(Reading reading, SpcOptions settings)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ChartPoints == 0)
        {
            return;
        }

        var time = SpcCalendar.AsUtc(reading.Timestamp);
        var metrics = reading.Metrics;
        _series.TryGetValue(reading.DeviceId, out var known);
        Span<bool> updated = metrics.Length <= 64 ? stackalloc bool[metrics.Length] : new bool[metrics.Length];
        var anyNew = false;
        for (var i = 0; i < metrics.Length; i++)
        {
            if (known is not null && known.TryGetValue(metrics[i].Name, out var ring))
            {
                ring.Add(time, metrics[i].Value, settings.ChartPoints);
                updated[i] = true;
            }
            else
            {
                anyNew = true;
            }
        }

        for (var i = 0; anyNew && i < metrics.Length; i++)
        {
            if (!updated[i])
            {
                AddToNewSeries(reading.DeviceId, metrics[i], time, settings);
            }
        }

        while (Series > settings.ChartSeries)
        {
            Drop(LeastRecentlyUpdated());
        }
    }

    /// <summary>The points of <paramref name="metric"/> of one device, or of every device merged in time order, oldest first.</summary>
    public (DateTime Time, double Value)[] Points(string metric, string? deviceId)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return [.. _series
            .Where(device => deviceId is null || device.Key == deviceId)
            .SelectMany(device => device.Value.TryGetValue(metric, out var ring)
                ? ring.Points().Select(point => (point.Time, point.Value, Device: device.Key))
                : [])
            .OrderBy(point => point.Time)
            .ThenBy(point => point.Device, StringComparer.Ordinal)
            .Select(point => (point.Time, point.Value))];
    }

    /// <summary>Adds a value to a series that was not in the book before this reading.</summary>
    private void AddToNewSeries(string deviceId, Metric metric, DateTime time, SpcOptions settings)
    {
        if (_series.TryGetValue(deviceId, out var created) && created.TryGetValue(metric.Name, out var again))
        {
            again.Add(time, metric.Value, settings.ChartPoints);
            return;
        }

        var ring = new ChartPointRing();
        if (Series >= settings.ChartSeries)
        {
            var least = LeastRecentlyUpdated();
            if (Compare((time, deviceId, metric.Name), least) < 0)
            {
                return;
            }
            ring = Drop(least);
            ring.Clear();
        }

        if (!_series.TryGetValue(deviceId, out var metrics))
        {
            metrics = [];
            _series.Add(deviceId, metrics);
        }
        metrics.Add(metric.Name, ring);
        ring.Add(time, metric.Value, settings.ChartPoints);
    }

    /// <summary>The series updated least recently (by event time, then device, then metric).</summary>
    private (DateTime UpdatedAt, string Device, string Metric) LeastRecentlyUpdated()
    {
        (DateTime UpdatedAt, string Device, string Metric)? least = null;
        foreach (var (device, metrics) in _series)
        {
            foreach (var (metric, ring) in metrics)
            {
                var key = (ring.UpdatedAt, device, metric);
                if (least is null || Compare(key, least.Value) < 0)
                {
                    least = key;
                }
            }
        }
        return least!.Value;
    }

    private static int Compare((DateTime UpdatedAt, string Device, string Metric) a, (DateTime UpdatedAt, string Device, string Metric) b)
    {
        var byTime = a.UpdatedAt.CompareTo(b.UpdatedAt);
        if (byTime != 0)
        {
            return byTime;
        }
        var byDevice = string.CompareOrdinal(a.Device, b.Device);
        return byDevice != 0 ? byDevice : string.CompareOrdinal(a.Metric, b.Metric);
    }

    private ChartPointRing Drop((DateTime UpdatedAt, string Device, string Metric) series)
    {
        var metrics = _series[series.Device];
        metrics.Remove(series.Metric, out var ring);
        if (metrics.Count == 0)
        {
            _series.Remove(series.Device);
        }
        return ring!;
    }
}
