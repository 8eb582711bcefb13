using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary>
/// <c>rules show</c>, and the format <c>rules set --file</c> reads (where <see cref="Version"/> is ignored). Members with
/// defaults are settable, not init-only, so that the source-generated reader keeps the defaults of members a file leaves out.
/// </summary>
public sealed record RulesReport
{
    /// <summary>Incremented by the cluster on every change.</summary>
    public long Version { get; init; }
    public ThresholdReport[] Thresholds { get; set; } = [];
    public ZScoreReport ZScore { get; set; } = new();
    public LearnedRuleReport Learned { get; set; } = new();

    /// <summary>The report of <paramref name="rules"/>.</summary>
    public static RulesReport From(DetectionRules rules) => new()
    {
        Version = rules.Version,
        Thresholds = [.. rules.Thresholds.Select(ThresholdReport.From)],
        ZScore = ZScoreReport.From(rules.ZScore),
        Learned = LearnedRuleReport.From(rules.Learned),
    };

    /// <summary>The rules this report describes (the cluster assigns the version).</summary>
    public DetectionRules ToRules() => new()
    {
        Thresholds = [.. (Thresholds ?? []).Select(t => t.ToRule())],
        ZScore = (ZScore ?? new ZScoreReport()).ToSettings(),
        Learned = (Learned ?? new LearnedRuleReport()).ToSettings(),
    };
}
