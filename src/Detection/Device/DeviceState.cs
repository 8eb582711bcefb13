using System.Runtime.InteropServices;
using Actors.Detection.Learned;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Device;

/// <summary>Everything a device grain keeps between readings; changed only by <see cref="DeviceDetector"/>.</summary>
[GenerateSerializer, Alias("device-state")]
public sealed class DeviceState
{
    /// <summary>At most this many X-bar series are kept; adding another evicts the least recently updated.</summary>
    public const int MaxSeries = 64;

    /// <summary>Number of most recent anomalies kept.</summary>
    public const int MaxRecentAnomalies = 20;

    /// <summary>Event time (UTC) of the latest reading judged; a reading at or before it is a duplicate.</summary>
    [Id(0)] public DateTime? LastEventTime { get; set; }

    /// <summary>The latest reading judged.</summary>
    [Id(1)] public Reading? LastReading { get; set; }

    /// <summary>Readings judged.</summary>
    [Id(2)] public long Accepted { get; set; }

    /// <summary>Readings dropped as duplicate or late.</summary>
    [Id(3)] public long Duplicates { get; set; }

    /// <summary>Anomalies found, by type.</summary>
    [Id(4)] public Dictionary<AnomalyType, long> AnomalyCounts { get; set; } = [];

    /// <summary>The open z-score window of each metric.</summary>
    [Id(5)] public Dictionary<string, ZScoreWindow> Windows { get; set; } = [];

    /// <summary>The X-bar series of each product and metric (at most <see cref="MaxSeries"/>).</summary>
    [Id(6)] public Dictionary<SeriesKey, XBarSeries> Series { get; set; } = [];

    /// <summary>The most recent anomalies (at most <see cref="MaxRecentAnomalies"/>), oldest first.</summary>
    [Id(7)] public List<Anomaly> RecentAnomalies { get; set; } = [];

    /// <summary>Readings set aside because their event time jumped too far ahead (<see cref="EventTime.EventTimeJump"/>).</summary>
    [Id(8)] public long Outliers { get; set; }

    /// <summary>Event time of the previous reading if it was set aside as an outlier; a next one near it confirms the jump.</summary>
    [Id(9)] public DateTime? OutlierCandidate { get; set; }

    /// <summary>The run-rule, I-MR, EWMA and CUSUM state of each product and metric whose rules enable them (at most <see cref="MaxSeries"/>).</summary>
    [Id(10)] public Dictionary<SeriesKey, SeriesCharts> Charts { get; set; } = [];

    /// <summary>The learned rule's state of each metric it applies to.</summary>
    [Id(11)] public Dictionary<string, LearnedSeries> Learned { get; set; } = [];

    /// <summary>A copy of the state for inspection; recent anomalies newest first.</summary>
    /// <param name="deviceId">The device the state belongs to.</param>
    public DeviceSnapshot ToSnapshot(string deviceId)
    {
        var windows = new WindowView[Windows.Count];
        var i = 0;
        foreach (var window in Windows.Values)
        {
            var (mean, sd) = window.ComputeStatistics();
            windows[i++] = new WindowView
            {
                Metric = window.Metric,
                Start = window.Start,
                End = window.End,
                Count = window.Count,
                Mean = mean,
                StdDev = sd,
            };
        }

        Array.Sort(windows, static (a, b) => string.CompareOrdinal(a.Metric, b.Metric));

        var series = new SeriesView[Series.Count];
        i = 0;
        foreach (var entry in Series.Values)
        {
            series[i++] = new SeriesView { ProductId = entry.ProductId, Metric = entry.Metric, Values = entry.ToArray() };
        }

        Array.Sort(series, static (a, b) =>
        {
            var byProduct = string.CompareOrdinal(a.ProductId, b.ProductId);
            return byProduct != 0 ? byProduct : string.CompareOrdinal(a.Metric, b.Metric);
        });

        var learned = new LearnedView[Learned.Count];
        i = 0;
        foreach (var (metric, entry) in Learned)
        {
            learned[i++] = new LearnedView
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

        var recent = RecentAnomalies.ToArray();
        Array.Reverse(recent);

        return new DeviceSnapshot
        {
            DeviceId = deviceId,
            LastReading = LastReading,
            Accepted = Accepted,
            Duplicates = Duplicates,
            AnomalyCounts = new Dictionary<AnomalyType, long>(AnomalyCounts),
            Windows = windows,
            Series = series,
            RecentAnomalies = recent,
            Learned = learned,
        };
    }

    /// <summary>The series of <paramref name="productId"/> and <paramref name="metric"/>, created (evicting the least recently updated when full) if missing, marked updated at <paramref name="time"/>.</summary>
    internal XBarSeries TouchSeries(string productId, string metric, DateTime time)
    {
        if (!Series.TryGetValue(new SeriesKey(productId, metric), out var series))
        {
            if (Series.Count >= MaxSeries)
            {
                EvictLeastRecentlyUpdatedSeries();
            }

            series = new XBarSeries { ProductId = productId, Metric = metric };
            Series.Add(new SeriesKey(productId, metric), series);
        }

        series.UpdatedAt = time;
        return series;
    }

    /// <summary>The charts of <paramref name="productId"/> and <paramref name="metric"/>, created (evicting the least recently updated when full) if missing, marked updated at <paramref name="time"/>.</summary>
    internal SeriesCharts TouchCharts(string productId, string metric, DateTime time)
    {
        var key = new SeriesKey(productId, metric);
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
            Charts.Add(key, charts);
        }

        charts.UpdatedAt = time;
        return charts;
    }

    /// <summary>Counts the anomalies of <paramref name="anomalies"/> from index <paramref name="first"/> on and keeps them as recent.</summary>
    internal void Record(List<Anomaly> anomalies, int first)
    {
        for (var i = first; i < anomalies.Count; i++)
        {
            var anomaly = anomalies[i];
            CollectionsMarshal.GetValueRefOrAddDefault(AnomalyCounts, anomaly.AnomalyType, out _)++;
            RecentAnomalies.Add(anomaly);
        }

        var excess = RecentAnomalies.Count - MaxRecentAnomalies;
        if (excess > 0)
        {
            RecentAnomalies.RemoveRange(0, excess);
        }
    }

    private void EvictLeastRecentlyUpdatedSeries()
    {
        SeriesKey? oldestKey = null;
        var oldestTime = DateTime.MaxValue;
        foreach (var (key, series) in Series)
        {
            if (oldestKey is null || series.UpdatedAt < oldestTime)
            {
                oldestKey = key;
                oldestTime = series.UpdatedAt;
            }
        }

        if (oldestKey is { } victim)
        {
            Series.Remove(victim);
        }
    }
}
