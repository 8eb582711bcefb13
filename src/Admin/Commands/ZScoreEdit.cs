using Actors.Grains.Interfaces;

namespace Actors.Admin.Commands;

/// <summary>The <c>--zscore-*</c> options of <c>rules set</c>: each one given replaces that setting, the others stay.</summary>
public sealed record ZScoreEdit(double? WindowSeconds, double? Bound, int? MinSamples, int? MaxSamples, string[]? Metrics, bool? Enabled)
{
    /// <summary>Whether any setting is changed.</summary>
    public bool Any => WindowSeconds is not null || Bound is not null || MinSamples is not null || MaxSamples is not null || Metrics is not null || Enabled is not null;

    /// <summary><paramref name="current"/> with the given settings replaced.</summary>
    public ZScoreSettings ApplyTo(ZScoreSettings current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current with
        {
            WindowSeconds = WindowSeconds ?? current.WindowSeconds,
            Bound = Bound ?? current.Bound,
            MinSamples = MinSamples ?? current.MinSamples,
            MaxSamples = MaxSamples ?? current.MaxSamples,
            Metrics = Metrics ?? current.Metrics,
            Enabled = Enabled ?? current.Enabled,
        };
    }
}
