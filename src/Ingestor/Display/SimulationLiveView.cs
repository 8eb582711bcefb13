using System.Globalization;
using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Actors.Ingestor.Pipeline;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Actors.Ingestor.Display;

/// <summary>
/// What <c>simulate</c> shows on a terminal, redrawn in place by a Spectre.Console live display: simulated time,
/// readings per second, rejected records by reason, alerts by type and the latest alerts as the grains found them.
/// </summary>
/// <param name="summary">The run's counters.</param>
/// <param name="rejections">The run's rejection counts by reason.</param>
/// <param name="simulatedTime">The event time of the latest simulated record.</param>
/// <param name="time">The clock readings per second are measured on.</param>
public sealed class SimulationLiveView(RunSummary summary, RejectionLog rejections, Func<DateTime> simulatedTime, TimeProvider time)
{
    /// <summary>How many of the latest alerts the view lists.</summary>
    public const int LatestAlertCount = 8;

    /// <summary>The span of wall time readings per second are averaged over.</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(5);

    private readonly Queue<Anomaly> _latest = new(LatestAlertCount);
    private readonly Lock _lock = new();
    private readonly Queue<(long Timestamp, long Accepted)> _accepted = new([(time.GetTimestamp(), 0)]);

    /// <summary>Takes the anomalies of a judged batch; only the latest <see cref="LatestAlertCount"/> are kept.</summary>
    public void Add(IReadOnlyList<Anomaly> anomalies)
    {
        lock (_lock)
        {
            foreach (var anomaly in anomalies.OrderBy(a => a.DetectedAt ?? a.TargetTime))
            {
                if (_latest.Count == LatestAlertCount)
                {
                    _latest.Dequeue();
                }
                _latest.Enqueue(anomaly);
            }
        }
    }

    /// <summary>
    /// The view now. Readings per second are those accepted since the oldest earlier call within <see cref="RateWindow"/>
    /// (or since the previous call when that is older).
    /// </summary>
    public IRenderable Render()
    {
        var rate = ReadingsPerSecond();
        return new Rows(
            new Markup(string.Create(
                CultureInfo.InvariantCulture,
                $"[bold]{simulatedTime():yyyy-MM-dd HH:mm:ss}[/] UTC simulated   [bold]{rate:0.0}[/] readings/s   "
                + $"accepted {summary.Accepted}   rejected {summary.Rejected}   duplicates {summary.Duplicates}   wall {summary.Elapsed:hh\\:mm\\:ss}")),
            new Columns(RejectedByReason(), AlertsByType()).Collapse(),
            LatestAlerts());
    }

    private double ReadingsPerSecond()
    {
        var now = time.GetTimestamp();
        var accepted = summary.Accepted;
        while (_accepted.Count > 1 && time.GetElapsedTime(_accepted.Peek().Timestamp, now) > RateWindow)
        {
            _accepted.Dequeue();
        }
        var (since, before) = _accepted.Peek();
        _accepted.Enqueue((now, accepted));
        var seconds = time.GetElapsedTime(since, now).TotalSeconds;
        return seconds > 0 ? (accepted - before) / seconds : 0;
    }

    private Table RejectedByReason()
    {
        var table = new Table().Title("Rejected by reason").AddColumn("Reason").AddColumn(new TableColumn("Records").RightAligned());
        foreach (var (reason, count) in rejections.Counts.Where(c => c.Value > 0))
        {
            table.AddRow(reason.ToString(), count.ToString(CultureInfo.InvariantCulture));
        }
        return table;
    }

    private Table AlertsByType()
    {
        var table = new Table().Title("Alerts by type").AddColumn("Type").AddColumn(new TableColumn("Alerts").RightAligned());
        foreach (var type in Enum.GetValues<AnomalyType>().Where(t => summary.Anomalies(t) > 0))
        {
            table.AddRow(type.ToString(), summary.Anomalies(type).ToString(CultureInfo.InvariantCulture));
        }
        return table;
    }

    private Table LatestAlerts()
    {
        var table = new Table().Title("Latest alerts").Expand()
            .AddColumns("Event time", "Type", "Device", "Product", "Metric")
            .AddColumn(new TableColumn("Value").RightAligned())
            .AddColumn("Rule or limits");
        Anomaly[] latest;
        lock (_lock)
        {
            latest = [.. _latest.Reverse()];
        }
        foreach (var anomaly in latest)
        {
            table.AddRow(
                new Text(anomaly.TargetTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                new Text(anomaly.AnomalyType.ToString()),
                new Text(anomaly.DeviceId),
                new Text(anomaly.ProductId ?? ""),
                new Text(anomaly.Metric),
                new Text(anomaly.MeasuredValue.ToString("0.###", CultureInfo.InvariantCulture)),
                new Text(anomaly.Rule ?? Limits(anomaly)));
        }
        return table;
    }

    private static string Limits(Anomaly anomaly) =>
        FormattableString.Invariant($"limits {anomaly.LowerLimit:0.###} .. {anomaly.UpperLimit:0.###}");
}
