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
    private static readonly Comparer<OrderKey> ByUpdateThenName = Comparer<OrderKey>.Create(Compare);

    [Id(0)] private Dictionary<string, Dictionary<string, ChartPointRing>> _series = [];

    /// <summary>
    /// Every series, least recently updated first: built once after the book is read from storage and kept in order
    /// since, so that a product whose devices take turns (a fleet) finds the series to drop without a scan.
    /// </summary>
    [NonSerialized] private List<OrderKey>? _order;

    /// <summary>A device's series table that lost its last series, kept for the next new device instead of a new one.</summary>
    [NonSerialized] private Dictionary<string, ChartPointRing>? _spareMetrics;

    /// <summary>Series with points.</summary>
    public int Series => Order.Count;

    private List<OrderKey> Order => _order ??= BuildOrder();

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
                Update(reading.DeviceId, metrics[i], ring, time, settings);
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

    /// <summary>Adds a value to a series that was not in the book before this reading.</summary>
    private void AddToNewSeries(string deviceId, Metric metric, DateTime time, SpcOptions settings)
    {
        if (_series.TryGetValue(deviceId, out var created) && created.TryGetValue(metric.Name, out var again))
        {
            Update(deviceId, metric, again, time, settings);
            return;
        }

        ChartPointRing ring;
        if (Series >= settings.ChartSeries)
        {
            if (Compare(new OrderKey(time, deviceId, metric.Name), Order[0]) < 0)
            {
                return;
            }
            ring = DropLeastRecentlyUpdated();
            ring.Clear();
        }
        else
        {
            ring = new ChartPointRing();
        }

        if (!_series.TryGetValue(deviceId, out var metrics))
        {
            metrics = _spareMetrics ?? [];
            _spareMetrics = null;
            _series.Add(deviceId, metrics);
        }
        metrics.Add(metric.Name, ring);
        ring.Add(time, metric.Value, settings.ChartPoints);
        Insert(new OrderKey(ring.UpdatedAt, deviceId, metric.Name));
    }

    /// <summary>Adds a value to a series of the book and moves the series to its new place in <see cref="Order"/>.</summary>
    private void Update(string deviceId, Metric metric, ChartPointRing ring, DateTime time, SpcOptions settings)
    {
        var order = Order;
        var before = new OrderKey(ring.UpdatedAt, deviceId, metric.Name);
        ring.Add(time, metric.Value, settings.ChartPoints);
        order.RemoveAt(IndexOf(before));
        Insert(before with { UpdatedAt = ring.UpdatedAt });
    }

    private List<OrderKey> BuildOrder()
    {
        var order = new List<OrderKey>();
        foreach (var (device, metrics) in _series)
        {
            foreach (var (metric, ring) in metrics)
            {
                order.Add(new OrderKey(ring.UpdatedAt, device, metric));
            }
        }
        order.Sort(ByUpdateThenName);
        return order;
    }

    private void Insert(OrderKey key)
    {
        var index = Order.BinarySearch(key, ByUpdateThenName);
        Order.Insert(index < 0 ? ~index : index, key);
    }

    private int IndexOf(OrderKey key)
    {
        var index = Order.BinarySearch(key, ByUpdateThenName);
        return index >= 0 ? index : throw new InvalidOperationException($"The chart series {key.Device}/{key.Metric} is missing from the book's order.");
    }

    /// <summary>Series by when they were updated (event time), then device, then metric.</summary>
    private static int Compare(OrderKey a, OrderKey b)
    {
        var byTime = a.UpdatedAt.CompareTo(b.UpdatedAt);
        if (byTime != 0)
        {
            return byTime;
        }
        var byDevice = string.CompareOrdinal(a.Device, b.Device);
        return byDevice != 0 ? byDevice : string.CompareOrdinal(a.Metric, b.Metric);
    }

    private ChartPointRing DropLeastRecentlyUpdated()
    {
        var least = Order[0];
        Order.RemoveAt(0);
        var metrics = _series[least.Device];
        metrics.Remove(least.Metric, out var ring);
        if (metrics.Count == 0)
        {
            _series.Remove(least.Device);
            _spareMetrics = metrics;
        }
        return ring!;
    }

    private readonly record struct OrderKey(DateTime UpdatedAt, string Device, string Metric);
}
