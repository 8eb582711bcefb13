using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary>
/// The z-score rule; a property left out of a rules file takes the default shown (settable, not init-only, because the
/// source-generated reader would otherwise reset the members a file leaves out).
/// </summary>
public sealed record ZScoreReport
{
    public bool Enabled { get; set; } = true;

    /// <summary>Window length in seconds. Default 20.</summary>
    public double WindowSeconds { get; set; } = 20;

    /// <summary>|z| strictly above this is an anomaly. Default 3.</summary>
    public double Bound { get; set; } = 3;

    /// <summary>Windows with fewer values are not judged. Default 10.</summary>
    public int MinSamples { get; set; } = 10;

    /// <summary>Most values a window holds; beyond that it keeps the most extreme. Left out: 64.</summary>
    public int? MaxSamples { get; set; }

    /// <summary>Metrics judged; empty means every metric.</summary>
    public string[] Metrics { get; set; } = [];

    /// <summary>The report of <paramref name="settings"/>.</summary>
    public static ZScoreReport From(ZScoreSettings settings) => new()
    {
        Enabled = settings.Enabled,
        WindowSeconds = settings.WindowSeconds,
        Bound = settings.Bound,
        MinSamples = settings.MinSamples,
        MaxSamples = settings.MaxSamples,
        Metrics = settings.Metrics,
    };

    /// <summary>The settings this report describes.</summary>
    public ZScoreSettings ToSettings() => new()
    {
        Enabled = Enabled,
        WindowSeconds = WindowSeconds,
        Bound = Bound,
        MinSamples = MinSamples,
        MaxSamples = MaxSamples ?? ZScoreSettings.DefaultMaxSamples,
        Metrics = Metrics ?? [],
    };
}
