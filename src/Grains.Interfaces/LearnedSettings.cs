namespace Actors.Grains.Interfaces;

/// <summary>
/// The learned rule: per device and metric, a detector learns the series online and scores every reading from 0 to 1
/// (see docs/detection.md); a score at or above <see cref="Threshold"/> is an anomaly, unless an alert of the same
/// series was raised fewer than <see cref="QuietReadings"/> readings before.
/// </summary>
[GenerateSerializer, Immutable, Alias("learned-settings")]
public sealed record LearnedSettings
{
    /// <summary>Turns the rule on. Default false.</summary>
    [Id(0)] public bool Enabled { get; init; }

    /// <summary>Metrics the rule applies to; empty means every metric.</summary>
    [Id(1)] public string[] Metrics { get; init; } = [];

    /// <summary>A score at or above this is an anomaly. Default 0.5 (an anomaly likelihood of 0.99999).</summary>
    [Id(2)] public double Threshold { get; init; } = 0.5;

    /// <summary>After an alert, this many readings of the same series raise none. Default 100.</summary>
    [Id(3)] public int QuietReadings { get; init; } = 100;
}
