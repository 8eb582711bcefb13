using Actors.Detection.Alerts;
using Actors.Grains.Interfaces;

namespace Actors.Grains.Notifier;

/// <summary>
/// A notifier shard's head state: counters, cooldowns, the segments it keeps and which of their notifications still
/// wait for a sink. Small whatever the shard's history: anomalies and notifications live in <see cref="AlertSegment"/>s.
/// </summary>
[GenerateSerializer, Alias("notifier-state")]
public sealed class NotifierState
{
    [Id(0)] public AlertRepeatFolder Folder { get; set; } = new();
    [Id(1)] public long NextSequence { get; set; }

    /// <summary>Segments kept, oldest first: for the memory of alert IDs already received, recent anomalies and pending notifications.</summary>
    [Id(2)] public List<SegmentRef> Segments { get; set; } = [];

    /// <summary>Notification ID to the sinks that have not accepted it yet.</summary>
    [Id(3)] public Dictionary<string, List<string>> Pending { get; set; } = [];

    [Id(4)] public long Received { get; set; }
    [Id(5)] public long Notifications { get; set; }
    [Id(6)] public long Folded { get; set; }
    [Id(7)] public Dictionary<AnomalyType, long> ByType { get; set; } = [];
    [Id(8)] public long Repeated { get; set; }

    /// <summary>Anomalies and alarm transitions recorded without a notification because a silence matched them.</summary>
    [Id(9)] public long Silenced { get; set; }
}

/// <summary>A kept segment: its sequence number and when it was written.</summary>
[GenerateSerializer, Immutable, Alias("alert-segment-ref")]
public sealed record SegmentRef([property: Id(0)] long Sequence, [property: Id(1)] DateTime WrittenAt);
