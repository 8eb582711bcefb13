using Actors.Detection.Alerts;
using Actors.Grains.Interfaces;

namespace Actors.Grains.Notifier;

/// <summary>A notifier shard's persisted state: the outbox, the cooldowns, recent anomalies and counters.</summary>
[GenerateSerializer, Alias("notifier-state")]
public sealed class NotifierState
{
    [Id(0)] public List<OutboxEntry> Outbox { get; set; } = [];
    [Id(1)] public AlertRepeatFolder Folder { get; set; } = new();

    /// <summary>Most recent anomalies, oldest first; also the memory of alert IDs already seen, so a re-sent batch is not notified twice.</summary>
    [Id(2)] public List<Anomaly> Recent { get; set; } = [];
    [Id(3)] public long Received { get; set; }
    [Id(4)] public long Notifications { get; set; }
    [Id(5)] public long Folded { get; set; }
    [Id(6)] public Dictionary<AnomalyType, long> ByType { get; set; } = [];
    [Id(7)] public long Repeated { get; set; }
}
