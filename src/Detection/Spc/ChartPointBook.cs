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
    public int Series => _series.Values.Sum(metrics => metrics.Count);

    /// <summary>Adds every metric of a counted reading.</summary>
    public void Add(Reading reading, SpcOptions settings)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ChartPoints == 0)
        {
            return;
        }

        if (!_series.TryGetValue(reading.DeviceId, out var metrics))
        {
            metrics = [];
            _series.Add(reading.DeviceId, metrics);
        }

        foreach (var metric in reading.Metrics)
        {
            if (!metrics.TryGetValue(metric.Name, out var ring))
            {
                ring = new ChartPointRing();
                metrics.Add(metric.Name, ring);
            }

            ring.Add(SpcCalendar.AsUtc(reading.Timestamp), metric.Value, settings.ChartPoints);
        }

        while (Series > settings.ChartSeries)
        {
            DropLeastRecentlyUpdated();
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

    private void DropLeastRecentlyUpdated()
    {
        var (device, metric, _) = _series
            .SelectMany(d => d.Value.Select(m => (Device: d.Key, Metric: m.Key, m.Value.UpdatedAt)))
            .OrderBy(s => s.UpdatedAt)
            .ThenBy(s => s.Device, StringComparer.Ordinal)
            .ThenBy(s => s.Metric, StringComparer.Ordinal)
            .First();
        var metrics = _series[device];
        metrics.Remove(metric);
        if (metrics.Count == 0)
        {
            _series.Remove(device);
        }
    }
}
