using Actors.Grains.Interfaces;

namespace Actors.Detection.Device;

/// <summary>
/// <see cref="ZScoreSettings"/> prepared for judging: the metric filter as a set and the window length in ticks.
/// </summary>
public sealed class ZScoreRule
{
    private readonly HashSet<string> _metrics;

    /// <summary>Prepares <paramref name="settings"/>.</summary>
    /// <param name="settings">The z-score settings of the current rules.</param>
    public ZScoreRule(ZScoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _metrics = new HashSet<string>(settings.Metrics ?? [], StringComparer.Ordinal);
        var ticks = settings.WindowSeconds * TimeSpan.TicksPerSecond;
        WindowTicks = double.IsFinite(ticks) && ticks >= 1 && ticks < TimeSpan.MaxValue.Ticks ? (long)Math.Round(ticks) : 0;
        Enabled = settings.Enabled && WindowTicks > 0;
        Bound = settings.Bound;
        MinSamples = Math.Max(2, settings.MinSamples);
        MaxSamples = Math.Clamp(settings.MaxSamples, 2, ZScoreSettings.MaxSamplesLimit);
    }

    /// <summary>False when the rule is switched off or its window length is not positive.</summary>
    public bool Enabled { get; }

    /// <summary>Length of a window in ticks.</summary>
    public long WindowTicks { get; }

    /// <summary>|z| strictly above this is an anomaly.</summary>
    public double Bound { get; }

    /// <summary>Windows with fewer values are not judged (never fewer than two, since the sample sd needs two).</summary>
    public int MinSamples { get; }

    /// <summary>Most values a window holds; beyond that it keeps the most extreme ones (see <see cref="ZScoreWindow"/>).</summary>
    public int MaxSamples { get; }

    /// <summary>Whether the rule judges <paramref name="metric"/>: enabled, and the metric selected (no selection = all).</summary>
    /// <param name="metric">The metric name.</param>
    public bool AppliesTo(string metric) => Enabled && (_metrics.Count == 0 || _metrics.Contains(metric));
}
