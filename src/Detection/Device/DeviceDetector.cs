using System.Globalization;
using Actors.Detection.EventTime;
using Actors.Detection.Learned;
using Actors.Detection.Spc;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Device;

/// <summary>
/// Judges a device's readings against thresholds, z-score windows and SPC control limits and charts, changing the
/// <see cref="DeviceState"/> it is given. Holds nothing but the rules prepared for the latest rules version, so one
/// instance serves every device grain of a silo; it is thread-safe.
/// </summary>
/// <param name="maxEventTimeJump">
/// How far ahead of the latest judged event time a reading may be before it needs confirmation
/// (<see cref="EventTimeJump"/>); default <see cref="EventTimeJump.DefaultMaxJump"/>.
/// </param>
/// <param name="charts">The chart rules of each product metric (run rules, I-MR, EWMA, CUSUM); none when null.</param>
public sealed class DeviceDetector(TimeSpan? maxEventTimeJump = null, SeriesRulesBook? charts = null)
{
    private static readonly Comparison<ZScoreWindow> ByEndThenMetric = static (a, b) =>
    {
        var byEnd = a.End.CompareTo(b.End);
        return byEnd != 0 ? byEnd : string.CompareOrdinal(a.Metric, b.Metric);
    };

    private readonly TimeSpan _maxEventTimeJump = maxEventTimeJump ?? EventTimeJump.DefaultMaxJump;
    private readonly SeriesChartJudge _charts = new(charts ?? SeriesRulesBook.Empty);
    private PreparedRules? _prepared;

    /// <summary>
    /// Judges <paramref name="readings"/> in the order given. A reading at or before the latest event time already
    /// judged is counted as a duplicate and dropped; one too far ahead of it is set aside as an outlier
    /// (<see cref="EventTimeJump"/>, counted in <see cref="DeviceState.Outliers"/>) unless the previous reading confirms
    /// the jump. For every metric of an accepted reading, in order: the metric's
    /// z-score window is closed and judged if the reading is at or past its end, and the value joins the (new) window;
    /// the threshold rule and the learned rule are applied; with a product and limits for the metric, the value is checked against the
    /// individuals limits (<see cref="AnomalyType.Provisional"/>), joins the product's X-bar series, and once that holds
    /// five values their mean is checked against the X-bar limits (<see cref="AnomalyType.Confirmed"/>); then the charts
    /// the product metric's rules enable judge the value (see <see cref="SeriesChartJudge"/>).
    /// Values exactly on a control limit are inside.
    /// </summary>
    /// <param name="deviceId">The device (grain key).</param>
    /// <param name="state">The device's state, updated in place.</param>
    /// <param name="readings">The readings to judge, in order.</param>
    /// <param name="rules">The rules in force; prepared again only when <see cref="DetectionRules.Version"/> changes.</param>
    /// <param name="limitsFor">The control limits of a product for the day of an event time, or null when there are none; called once per accepted reading that has a product.</param>
    /// <param name="anomalies">Receives the anomalies found, in the order found.</param>
    /// <param name="movingRanges">
    /// When given (as long as <paramref name="readings"/>), receives for each judged reading with a product the moving
    /// range of each of its metrics, in the reading's metric order: |x - the device's previous value of the metric on
    /// that product| (the last value of its X-bar series), NaN for the first; null for every other reading. The product
    /// accumulates them, so it needs no value per device.
    /// </param>
    /// <returns>How many readings were judged and how many were dropped as duplicates; the rest were outliers.</returns>
    public (int Accepted, int Duplicates) Judge(
        string deviceId,
        DeviceState state,
        IReadOnlyList<Reading> readings,
        DetectionRules rules,
        Func<string, DateTime, ControlLimits[]?> limitsFor,
        List<Anomaly> anomalies,
        double[]?[]? movingRanges = null)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(limitsFor);
        ArgumentNullException.ThrowIfNull(anomalies);
        var (thresholds, zScore, learned) = Prepare(rules);
        state.Compact();
        var first = anomalies.Count;
        var accepted = 0;
        var duplicates = 0;
        Reading? latest = null;

        for (var i = 0; i < readings.Count; i++)
        {
            var reading = readings[i];
            var time = reading.Timestamp;
            if (state.LastEventTime is { } last && time <= last)
            {
                duplicates++;
                continue;
            }

            var candidate = state.OutlierCandidate;
            var outlier = EventTimeJump.IsOutlier(state.LastEventTime, ref candidate, time, _maxEventTimeJump);
            state.OutlierCandidate = candidate;
            if (outlier)
            {
                state.Outliers++;
                continue;
            }

            var productId = reading.ProductId;
            var limits = productId is null ? null : limitsFor(productId, time);
            var metrics = reading.Metrics;
            var ranges = productId is not null && movingRanges is not null ? new double[metrics.Length] : null;
            for (var j = 0; j < metrics.Length; j++)
            {
                var metric = metrics[j];
                AddToWindow(deviceId, state, zScore, time, productId, metric, anomalies);
                if (thresholds.Judge(deviceId, productId, time, metric) is { } threshold)
                {
                    anomalies.Add(threshold);
                }

                var learnedSeries = learned.AppliesTo(metric.Name) ? state.Learned ??= [] : state.Learned;
                if (learnedSeries is not null && learned.Judge(deviceId, productId, time, metric, learnedSeries) is { } learnedAnomaly)
                {
                    anomalies.Add(learnedAnomaly);
                }

                if (productId is not null)
                {
                    var metricLimits = FindLimits(limits, metric.Name);
                    var range = JudgeSpc(deviceId, state, productId, time, metric, metricLimits, anomalies);
                    if (ranges is not null)
                    {
                        ranges[j] = range;
                    }

                    if (metricLimits is not null)
                    {
                        _charts.Judge(deviceId, state, productId, time, metric, metricLimits, anomalies);
                    }
                }
            }

            if (ranges is not null)
            {
                movingRanges![i] = ranges;
            }

            accepted++;
            latest = reading;
            state.LastEventTime = time;
        }

        if (latest is not null)
        {
            state.RememberLast(latest);
        }

        state.Accepted += accepted;
        state.Duplicates += duplicates;
        state.Record(anomalies, first);
        return (accepted, duplicates);
    }

    /// <summary>
    /// Closes every open z-score window that ends at or before <paramref name="watermark"/> (UTC;
    /// <see cref="DateTime.MaxValue"/> closes all), judging those whose metric the z-score rule still applies to.
    /// </summary>
    /// <param name="deviceId">The device (grain key).</param>
    /// <param name="state">The device's state, updated in place.</param>
    /// <param name="watermark">Event time up to which no more readings are expected.</param>
    /// <param name="rules">The rules in force.</param>
    /// <param name="anomalies">Receives the anomalies found, windows ordered by end then metric.</param>
    public void CloseWindows(string deviceId, DeviceState state, DateTime watermark, DetectionRules rules, List<Anomaly> anomalies)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(anomalies);
        var (_, zScore, _) = Prepare(rules);
        var first = anomalies.Count;
        var closing = state.Windows.FindAll(window => window.End <= watermark);
        if (closing.Count == 0)
        {
            return;
        }

        closing.Sort(ByEndThenMetric);
        foreach (var window in closing)
        {
            if (zScore.AppliesTo(window.Metric))
            {
                window.Judge(deviceId, zScore, anomalies);
            }

            state.Windows.Remove(window);
        }

        state.Record(anomalies, first);
    }

    private (ThresholdEvaluator Thresholds, ZScoreRule ZScore, LearnedRule Learned) Prepare(DetectionRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var prepared = Volatile.Read(ref _prepared);
        if (prepared is null || prepared.Thresholds.Version != rules.Version)
        {
            prepared = new PreparedRules(
                new ThresholdEvaluator(rules),
                new ZScoreRule(rules.ZScore ?? new ZScoreSettings()),
                new LearnedRule(rules.Learned ?? new LearnedSettings()));
            Volatile.Write(ref _prepared, prepared);
        }

        return (prepared.Thresholds, prepared.ZScore, prepared.Learned);
    }

    private static void AddToWindow(
        string deviceId,
        DeviceState state,
        ZScoreRule rule,
        DateTime time,
        string? productId,
        Metric metric,
        List<Anomaly> anomalies)
    {
        var window = state.FindWindow(metric.Name);
        if (!rule.AppliesTo(metric.Name))
        {
            if (window is not null)
            {
                state.Windows.Remove(window);
            }

            return;
        }

        if (window is null)
        {
            window = ZScoreWindow.Open(NamePool.Intern(metric.Name), time, rule.WindowTicks);
            state.Windows.Add(window);
        }
        else if (time >= window.End)
        {
            window.Judge(deviceId, rule, anomalies);
            window.Restart(time, rule.WindowTicks);
        }

        window.Add(time, metric.Value, productId, rule.MaxSamples);
    }

    /// <summary>Judges the value against the individuals and X-bar limits; returns its moving range to the previous value of the series, NaN for the first.</summary>
    private static double JudgeSpc(
        string deviceId,
        DeviceState state,
        string productId,
        DateTime time,
        Metric metric,
        ControlLimits? limits,
        List<Anomaly> anomalies)
    {
        if (limits is not null && (metric.Value > limits.UclI || metric.Value < limits.LclI))
        {
            var above = metric.Value > limits.UclI;
            anomalies.Add(CreateSpcAnomaly(
                AnomalyType.Provisional,
                deviceId,
                productId,
                time,
                metric.Name,
                metric.Value,
                limits.UclI,
                limits.LclI,
                limits.DateKey,
                above
                    ? string.Create(CultureInfo.InvariantCulture, $"{metric.Name} > UCL-I {limits.UclI}")
                    : string.Create(CultureInfo.InvariantCulture, $"{metric.Name} < LCL-I {limits.LclI}")));
        }

        var series = state.TouchSeries(productId, metric.Name, time);
        var range = series.Last is { } previous ? Math.Abs(metric.Value - previous) : double.NaN;
        series.Add(metric.Value);
        if (limits is null || !series.IsFull)
        {
            return range;
        }

        var mean = series.Mean;
        if (mean > limits.UclX || mean < limits.LclX)
        {
            anomalies.Add(CreateSpcAnomaly(
                AnomalyType.Confirmed,
                deviceId,
                productId,
                time,
                metric.Name,
                mean,
                limits.UclX,
                limits.LclX,
                limits.DateKey,
                mean > limits.UclX
                    ? string.Create(CultureInfo.InvariantCulture, $"mean of last {XBarSeries.Size} {metric.Name} > UCL-X {limits.UclX}")
                    : string.Create(CultureInfo.InvariantCulture, $"mean of last {XBarSeries.Size} {metric.Name} < LCL-X {limits.LclX}")));
        }

        return range;
    }

    private static ControlLimits? FindLimits(ControlLimits[]? limits, string metric)
    {
        if (limits is null)
        {
            return null;
        }

        for (var i = 0; i < limits.Length; i++)
        {
            if (limits[i] is { } candidate && string.Equals(candidate.Metric, metric, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    private static Anomaly CreateSpcAnomaly(
        AnomalyType type,
        string deviceId,
        string productId,
        DateTime time,
        string metric,
        double measured,
        double upper,
        double lower,
        string baselineRef,
        string rule) =>
        new()
        {
            AlertId = AlertIds.For(deviceId, metric, type, time),
            AnomalyType = type,
            TargetTime = time,
            DetectedAt = time,
            MeasuredValue = measured,
            UpperLimit = upper,
            LowerLimit = lower,
            BaselineRef = baselineRef,
            ProductId = productId,
            DeviceId = deviceId,
            Metric = metric,
            Rule = rule,
        };

    private sealed record PreparedRules(ThresholdEvaluator Thresholds, ZScoreRule ZScore, LearnedRule Learned);
}
