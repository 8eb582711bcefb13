using System.Globalization;
using Actors.Detection.Device;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Learned;

/// <summary><see cref="LearnedSettings"/> prepared for judging: the metric filter as a set.</summary>
public sealed class LearnedRule
{
    private readonly HashSet<string> _metrics;

    /// <summary>Prepares <paramref name="settings"/>.</summary>
    /// <param name="settings">The learned settings of the current rules.</param>
    public LearnedRule(LearnedSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _metrics = new HashSet<string>(settings.Metrics ?? [], StringComparer.Ordinal);
        Enabled = settings.Enabled;
        Threshold = settings.Threshold;
        QuietReadings = Math.Max(0, settings.QuietReadings);
    }

    /// <summary>False when the rule is switched off.</summary>
    public bool Enabled { get; }

    /// <summary>A score at or above this is an anomaly.</summary>
    public double Threshold { get; }

    /// <summary>Readings of a series after an alert that raise none.</summary>
    public int QuietReadings { get; }

    /// <summary>Whether the rule judges <paramref name="metric"/>: enabled, and the metric selected (no selection = all).</summary>
    /// <param name="metric">The metric name.</param>
    public bool AppliesTo(string metric) => Enabled && (_metrics.Count == 0 || _metrics.Contains(metric));

    /// <summary>
    /// Judges one metric of a reading when the rule applies to it: scores the value in the metric's series (created on
    /// first use) and returns a <see cref="AnomalyType.Learned"/> anomaly when it is one. When the rule does not apply,
    /// the metric's series is dropped.
    /// </summary>
    /// <param name="deviceId">The device.</param>
    /// <param name="productId">The reading's product, if any.</param>
    /// <param name="time">The reading's event time (UTC).</param>
    /// <param name="metric">The metric judged.</param>
    /// <param name="series">The device's learned series by metric, updated in place.</param>
    public Anomaly? Judge(string deviceId, string? productId, DateTime time, Metric metric, Dictionary<string, LearnedSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!AppliesTo(metric.Name))
        {
            if (series.Count > 0)
            {
                series.Remove(metric.Name);
            }

            return null;
        }

        if (!series.TryGetValue(metric.Name, out var state))
        {
            state = new LearnedSeries();
            series.Add(metric.Name, state);
        }

        if (Judge(state, metric.Value) is not { } score)
        {
            return null;
        }

        return new Anomaly
        {
            AlertId = AlertIds.For(deviceId, metric.Name, AnomalyType.Learned, time),
            AnomalyType = AnomalyType.Learned,
            TargetTime = time,
            DetectedAt = time,
            MeasuredValue = metric.Value,
            UpperLimit = state.Range.Max,
            LowerLimit = state.Range.Min,
            ProductId = productId,
            DeviceId = deviceId,
            Metric = metric.Name,
            Score = score,
            Rule = string.Create(CultureInfo.InvariantCulture, $"learned score {score:0.###} >= {Threshold}"),
        };
    }

    /// <summary>Scores <paramref name="value"/> in <paramref name="series"/> and returns the score when it is an anomaly, else null.</summary>
    /// <param name="series">The series' state, updated in place.</param>
    /// <param name="value">The reading's value.</param>
    public double? Judge(LearnedSeries series, double value)
    {
        ArgumentNullException.ThrowIfNull(series);
        var score = series.Score(value);
        if (series.QuietLeft > 0)
        {
            series.QuietLeft--;
            return null;
        }

        if (score < Threshold)
        {
            return null;
        }

        series.QuietLeft = QuietReadings;
        return score;
    }
}
