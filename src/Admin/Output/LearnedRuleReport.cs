using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary>The learned rule's settings (<see cref="LearnedSettings"/>). Settable members keep their defaults when a rules file leaves them out.</summary>
public sealed record LearnedRuleReport
{
    public bool Enabled { get; set; }
    public double Threshold { get; set; } = new LearnedSettings().Threshold;
    public int QuietReadings { get; set; } = new LearnedSettings().QuietReadings;

    /// <summary>Empty means every metric.</summary>
    public string[] Metrics { get; set; } = [];

    /// <summary>The report of <paramref name="settings"/>.</summary>
    public static LearnedRuleReport From(LearnedSettings settings) => new()
    {
        Enabled = settings.Enabled,
        Threshold = settings.Threshold,
        QuietReadings = settings.QuietReadings,
        Metrics = [.. settings.Metrics],
    };

    /// <summary>The settings this report describes.</summary>
    public LearnedSettings ToSettings() => new()
    {
        Enabled = Enabled,
        Threshold = Threshold,
        QuietReadings = QuietReadings,
        Metrics = [.. Metrics ?? []],
    };
}
