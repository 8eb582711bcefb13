namespace Actors.Grains.Interfaces;

/// <summary>What a device grain holds, for inspection.</summary>
[GenerateSerializer, Immutable, Alias("device-snapshot")]
public sealed record DeviceSnapshot
{
    [Id(0)] public required string DeviceId { get; init; }
    [Id(1)] public Reading? LastReading { get; init; }
    [Id(2)] public long Accepted { get; init; }
    [Id(3)] public long Duplicates { get; init; }
    [Id(4)] public Dictionary<AnomalyType, long> AnomalyCounts { get; init; } = [];
    [Id(5)] public WindowView[] Windows { get; init; } = [];
    [Id(6)] public SeriesView[] Series { get; init; } = [];
    [Id(8)] public LearnedView[] Learned { get; init; } = [];

    /// <summary>The run-rule, I-MR, EWMA and CUSUM state of each product and metric whose rules enable a chart.</summary>
    [Id(9)] public ChartStateView[] Charts { get; init; } = [];
}
