namespace Actors.Grains.Interfaces;

/// <summary>The rules every device is judged by: thresholds, the z-score rule and the learned rule. SPC needs no rule: it uses the product's limits.</summary>
[GenerateSerializer, Immutable, Alias("detection-rules")]
public sealed record DetectionRules
{
    [Id(0)] public ThresholdRule[] Thresholds { get; init; } = [];
    [Id(1)] public ZScoreSettings ZScore { get; init; } = new();

    /// <summary>Incremented on every change, so caches can tell a new rule set from an old one.</summary>
    [Id(2)] public long Version { get; init; }

    /// <summary>The learned rule (off unless enabled).</summary>
    [Id(3)] public LearnedSettings Learned { get; init; } = new();
}
