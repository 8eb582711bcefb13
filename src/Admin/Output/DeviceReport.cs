using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary><c>device show</c>: the device's last reading, open windows, X-bar series, learned series, chart state, counters and recent anomalies.</summary>
public sealed record DeviceReport
{
    public required string DeviceId { get; init; }
    public ReadingReport? LastReading { get; init; }
    public required long Accepted { get; init; }
    public required long Duplicates { get; init; }

    /// <summary>Anomalies found, by type; every type is present.</summary>
    public required IReadOnlyDictionary<string, long> AnomalyCounts { get; init; }
    public required WindowReport[] OpenWindows { get; init; }
    public required SeriesReport[] XBarSeries { get; init; }
    public required LearnedReport[] LearnedSeries { get; init; }

    /// <summary>The state of the charts of each product and metric whose rules enable one.</summary>
    public required ChartStateReport[] Charts { get; init; }

    /// <summary>Newest first.</summary>
    public required AlertReport[] RecentAnomalies { get; init; }

    /// <summary>
    /// The report of <paramref name="snapshot"/>, the device's <paramref name="recentAnomalies"/> and the chart points
    /// its products keep of each chart series (<paramref name="chartPoints"/>: one array per entry of <see cref="DeviceSnapshot.Charts"/>).
    /// </summary>
    public static DeviceReport From(DeviceSnapshot snapshot, IEnumerable<Anomaly> recentAnomalies, IReadOnlyList<ChartPoint[]> chartPoints) => new()
    {
        DeviceId = snapshot.DeviceId,
        LastReading = snapshot.LastReading is { } reading ? ReadingReport.From(reading) : null,
        Accepted = snapshot.Accepted,
        Duplicates = snapshot.Duplicates,
        AnomalyCounts = Enum.GetValues<AnomalyType>().ToDictionary(t => t.ToString(), t => snapshot.AnomalyCounts.GetValueOrDefault(t)),
        OpenWindows = [.. snapshot.Windows.OrderBy(w => w.Metric, StringComparer.Ordinal).ThenBy(w => w.Start).Select(WindowReport.From)],
        XBarSeries = [.. snapshot.Series.OrderBy(s => s.ProductId, StringComparer.Ordinal).ThenBy(s => s.Metric, StringComparer.Ordinal).Select(SeriesReport.From)],
        LearnedSeries = [.. snapshot.Learned.Select(LearnedReport.From)],
        Charts = [.. snapshot.Charts.Select((state, i) => ChartStateReport.From(state, chartPoints[i]))],
        RecentAnomalies = [.. recentAnomalies.OrderByDescending(a => a.TargetTime).ThenBy(a => a.AlertId, StringComparer.Ordinal).Select(AlertReport.From)],
    };
}
