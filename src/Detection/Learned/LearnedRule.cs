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
