namespace Actors.Grains.Interfaces;

/// <summary>
/// The z-score rule: per device and metric, readings are grouped into fixed (tumbling) event-time windows of
/// <see cref="WindowSeconds"/>; when a window closes, every value in it whose |z| against the window's mean and
/// sample standard deviation exceeds <see cref="Bound"/> is an anomaly.
/// </summary>
[GenerateSerializer, Immutable, Alias("zscore-settings")]
public sealed record ZScoreSettings
{
    /// <summary>The default of <see cref="MaxSamples"/>.</summary>
    public const int DefaultMaxSamples = 64;

    /// <summary>The largest <see cref="MaxSamples"/> accepted.</summary>
    public const int MaxSamplesLimit = 100_000;

    /// <summary>Window length in seconds. Default 20.</summary>
    [Id(0)] public double WindowSeconds { get; init; } = 20;

    /// <summary>|z| strictly above this is an anomaly. Default 3.</summary>
    [Id(1)] public double Bound { get; init; } = 3;

    /// <summary>Windows with fewer values are not judged. Default 10 (|z| cannot exceed 3 with fewer than 11 values).</summary>
    [Id(2)] public int MinSamples { get; init; } = 10;

    /// <summary>Metrics the rule applies to; empty means every metric.</summary>
    [Id(3)] public string[] Metrics { get; init; } = [];

    /// <summary>Turns the rule off.</summary>
    [Id(4)] public bool Enabled { get; init; } = true;

    /// <summary>
    /// Most values a window holds (2-100000). Default 64. A window always counts every value for its mean and standard
    /// deviation; once it holds this many, it keeps only the most extreme half on each side, so the result stays exact
    /// while no more than <c>MaxSamples / 2</c> values per side exceed the bound.
    /// </summary>
    [Id(5)] public int MaxSamples { get; init; } = DefaultMaxSamples;
}
