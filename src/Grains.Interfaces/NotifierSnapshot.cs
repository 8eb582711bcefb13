namespace Actors.Grains.Interfaces;

/// <summary>Counters of one notifier shard.</summary>
[GenerateSerializer, Immutable, Alias("notifier-snapshot")]
public sealed record NotifierSnapshot
{
    [Id(0)] public long Received { get; init; }
    [Id(1)] public long Notifications { get; init; }
    [Id(2)] public long Folded { get; init; }
    [Id(3)] public int OutboxDepth { get; init; }
    [Id(4)] public Dictionary<AnomalyType, long> ByType { get; init; } = [];

    /// <summary>Anomalies and alarm transitions recorded but not sent because a silence matched them.</summary>
    [Id(5)] public long Silenced { get; init; }
}
