using Actors.Detection.Learned;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Device;

/// <summary>
/// Everything a device grain keeps between readings; changed only by <see cref="DeviceDetector"/>. It holds what the
/// rules need and no copies of what lives elsewhere (the anomalies are the notifier's): small lists rather than
/// dictionaries, since a device has a handful of metrics and products, and pooled names (<see cref="NamePool"/>).
/// </summary>
[GenerateSerializer, Alias("device-state")]
public sealed class DeviceState
{
    /// <summary>At most this many X-bar series are kept; adding another evicts the least recently updated.</summary>
    public const int MaxSeries = 64;

    /// <summary>False in a state just read from storage, which may hold its own copies of names and empty dictionaries.</summary>
    [NonSerialized]
    private bool _compacted;

    /// <summary>Event time (UTC) of the latest reading judged; a reading at or before it is a duplicate.</summary>
    [Id(0)] public DateTime? LastEventTime { get; set; }

    /// <summary>Readings judged.</summary>
    [Id(2)] public long Accepted { get; set; }

    /// <summary>Readings dropped as duplicate or late.</summary>
    [Id(3)] public long Duplicates { get; set; }

    /// <summary>Readings set aside because their event time jumped too far ahead (<see cref="EventTime.EventTimeJump"/>).</summary>
    [Id(8)] public long Outliers { get; set; }

    /// <summary>Event time of the previous reading if it was set aside as an outlier; a next one near it confirms the jump.</summary>
    [Id(9)] public DateTime? OutlierCandidate { get; set; }

    /// <summary>
    /// The run-rule, I-MR, EWMA and CUSUM state of each product and metric whose rules enable them (at most
    /// <see cref="MaxSeries"/>); null while there is none, as on most devices, which then keep no dictionary.
    /// </summary>
    [Id(10)] public Dictionary<SeriesKey, SeriesCharts>? Charts { get; set; }

    /// <summary>The learned rule's state of each metric it applies to; null while there is none.</summary>
    [Id(11)] public Dictionary<string, LearnedSeries>? Learned { get; set; }

    /// <summary>The product of the latest reading judged, if it had one.</summary>
    [Id(12)] public string? LastProductId { get; set; }

    /// <summary>The metrics of the latest reading judged.</summary>
    [Id(13)] public Metric[] LastMetrics { get; set; } = [];

    /// <summary>Anomalies found, by type.</summary>
    [Id(14)] public AnomalyCounts AnomalyCounts { get; set; } = new();

    /// <summary>The open z-score window of each metric (at most one per metric).</summary>
    [Id(15)] public List<ZScoreWindow> Windows { get; set; } = [];

    /// <summary>The X-bar series of each product and metric (at most <see cref="MaxSeries"/>).</summary>
    [Id(16)] public List<XBarSeries> Series { get; set; } = [];

    /// <summary>Batches taken from each source, to tell a source that the state was reloaded since its last checkpoint.</summary>
    [Id(20)] public SourceMarks Sources { get; set; } = new();

    /// <summary>The device's alarms that are not NORMAL; null when there are none, so a quiet device keeps nothing.</summary>
    [Id(21)] public Alarms.AlarmBook? Alarms { get; set; }

    /// <summary>A copy of the state for inspection.</summary>
    /// <param name="deviceId">The device the state belongs to.</param>
    public DeviceSnapshot ToSnapshot(string deviceId)
    {
        var windows = new WindowView[Windows.Count];
        for (var i = 0; i < windows.Length; i++)
        {
            var window = Windows[i];
            var (mean, sd) = window.ComputeStatistics();
            windows[i] = new WindowView
            {
                Metric = window.Metric,
                Start = window.Start,
                End = window.End,
                Count = (int)Math.Min(window.Count, int.MaxValue),
                Mean = mean,
                StdDev = sd,
            };
        }

        Array.Sort(windows, static (a, b) => string.CompareOrdinal(a.Metric, b.Metric));

        var series = new SeriesView[Series.Count];
        for (var i = 0; i < series.Length; i++)
        {
            series[i] = new SeriesView { ProductId = Series[i].ProductId, Metric = Series[i].Metric, Values = Series[i].ToArray() };
        }

        Array.Sort(series, static (a, b) =>
        {
            var byProduct = string.CompareOrdinal(a.ProductId, b.ProductId);
            return byProduct != 0 ? byProduct : string.CompareOrdinal(a.Metric, b.Metric);
        });

        var learned = new LearnedView[Learned?.Count ?? 0];
        var next = 0;
        foreach (var (metric, entry) in Learned ?? [])
        {
            learned[next++] = new LearnedView
            {
                Metric = metric,
                Readings = entry.Readings,
                Min = entry.Range.Min,
                Max = entry.Range.Max,
                TypicalSurprise = entry.Likelihood.Mean,
                LastScore = entry.LastScore,
            };
        }

        Array.Sort(learned, static (a, b) => string.CompareOrdinal(a.Metric, b.Metric));

        return new DeviceSnapshot
        {
            DeviceId = deviceId,
            LastReading = LastEventTime is { } time
                ? new Reading { DeviceId = deviceId, ProductId = LastProductId, Timestamp = time, Metrics = [.. LastMetrics] }
                : null,
            Accepted = Accepted,
            Duplicates = Duplicates,
            AnomalyCounts = AnomalyCounts.ToDictionary(),
            Windows = windows,
            Series = series,
            Learned = learned,
            Charts = [.. (Charts ?? [])
                .OrderBy(pair => pair.Key.ProductId, StringComparer.Ordinal)
                .ThenBy(pair => pair.Key.Metric, StringComparer.Ordinal)
                .Select(pair => pair.Value.ToView(pair.Key))],
        };
    }

    /// <summary>Makes a state read from storage as compact as one built here (once): pooled names, no empty dictionaries.</summary>
    internal void Compact()
    {
        if (_compacted)
        {
            return;
        }

        _compacted = true;
        if (Charts is { Count: 0 })
        {
            Charts = null;
        }

        if (Learned is { Count: 0 })
        {
            Learned = null;
        }

        LastProductId = NamePool.InternOrNull(LastProductId);
        for (var i = 0; i < LastMetrics.Length; i++)
        {
            LastMetrics[i] = LastMetrics[i] with { Name = NamePool.Intern(LastMetrics[i].Name) };
        }

        foreach (var window in Windows)
        {
            window.Metric = NamePool.Intern(window.Metric);
            window.ProductId = NamePool.InternOrNull(window.ProductId);
        }

        foreach (var series in Series)
        {
            series.ProductId = NamePool.Intern(series.ProductId);
            series.Metric = NamePool.Intern(series.Metric);
        }
    }

    /// <summary>The open window of <paramref name="metric"/>, or null.</summary>
    internal ZScoreWindow? FindWindow(string metric)
    {
        foreach (var window in Windows)
        {
            if (string.Equals(window.Metric, metric, StringComparison.Ordinal))
            {
                return window;
            }
        }

        return null;
    }

    /// <summary>Remembers <paramref name="reading"/> as the latest judged, with pooled names.</summary>
    internal void RememberLast(Reading reading)
    {
        LastEventTime = reading.Timestamp;
        if (!string.Equals(LastProductId, reading.ProductId, StringComparison.Ordinal))
        {
            LastProductId = NamePool.InternOrNull(reading.ProductId);
        }

        var metrics = reading.Metrics;
        var last = LastMetrics.Length == metrics.Length ? LastMetrics : new Metric[metrics.Length];
        for (var i = 0; i < metrics.Length; i++)
        {
            var name = i < LastMetrics.Length && string.Equals(LastMetrics[i].Name, metrics[i].Name, StringComparison.Ordinal)
                ? LastMetrics[i].Name
                : NamePool.Intern(metrics[i].Name);
            last[i] = new Metric(name, metrics[i].Value);
        }

        LastMetrics = last;
    }

    /// <summary>The series of <paramref name="productId"/> and <paramref name="metric"/>, created (evicting the least recently updated when full) if missing, marked updated at <paramref name="time"/>.</summary>
    internal XBarSeries TouchSeries(string productId, string metric, DateTime time)
    {
        var series = FindSeries(productId, metric);
        if (series is null)
        {
            if (Series.Count >= MaxSeries)
            {
                EvictLeastRecentlyUpdatedSeries();
            }

            series = new XBarSeries { ProductId = NamePool.Intern(productId), Metric = NamePool.Intern(metric) };
            Series.Add(series);
        }

        series.UpdatedAt = time;
        return series;
    }

    /// <summary>The charts of <paramref name="productId"/> and <paramref name="metric"/>, created (evicting the least recently updated when full) if missing, marked updated at <paramref name="time"/>.</summary>
    internal SeriesCharts TouchCharts(string productId, string metric, DateTime time)
    {
        var key = new SeriesKey(productId, metric);
        Charts ??= [];
        if (!Charts.TryGetValue(key, out var charts))
        {
            if (Charts.Count >= MaxSeries)
            {
                Charts.Remove(Charts
                    .OrderBy(pair => pair.Value.UpdatedAt)
                    .ThenBy(pair => pair.Key.ProductId, StringComparer.Ordinal)
                    .ThenBy(pair => pair.Key.Metric, StringComparer.Ordinal)
                    .First().Key);
            }

            charts = new SeriesCharts();
            Charts.Add(new SeriesKey(NamePool.Intern(productId), NamePool.Intern(metric)), charts);
        }

        charts.UpdatedAt = time;
        return charts;
    }

    /// <summary>Counts the anomalies of <paramref name="anomalies"/> from index <paramref name="first"/> on.</summary>
    internal void Record(List<Anomaly> anomalies, int first)
    {
        for (var i = first; i < anomalies.Count; i++)
        {
            AnomalyCounts.Add(anomalies[i].AnomalyType);
        }
    }

    private XBarSeries? FindSeries(string productId, string metric)
    {
        foreach (var series in Series)
        {
            if (string.Equals(series.Metric, metric, StringComparison.Ordinal) && string.Equals(series.ProductId, productId, StringComparison.Ordinal))
            {
                return series;
            }
        }

        return null;
    }

    private void EvictLeastRecentlyUpdatedSeries()
    {
        var oldest = 0;
        for (var i = 1; i < Series.Count; i++)
        {
            if (Series[i].UpdatedAt < Series[oldest].UpdatedAt)
            {
                oldest = i;
            }
        }

        Series.RemoveAt(oldest);
    }
}
