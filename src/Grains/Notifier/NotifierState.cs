using Actors.Grains.Interfaces;

namespace Actors.Grains.Notifier;

/// <summary>
/// A notifier shard's head state: counters, which segments it keeps and which notifications still wait for a sink.
/// A few hundred bytes whatever the shard's history or the number of alerts in flight: anomalies, notifications and the
/// repeat-folding cooldowns live in (or are rebuilt from) the <see cref="AlertSegment"/>s, and pending notifications
/// are ranges of their ordinals.
/// </summary>
[GenerateSerializer, Alias("notifier-state")]
public sealed class NotifierState
{
    /// <summary>The sequence number the next segment takes.</summary>
    [Id(1)] public long NextSequence { get; set; }

    [Id(4)] public long Received { get; set; }

    /// <summary>Notifications committed so far; also the ordinal the next notification takes.</summary>
    [Id(5)] public long Notifications { get; set; }

    [Id(6)] public long Folded { get; set; }
    [Id(7)] public Dictionary<AnomalyType, long> ByType { get; set; } = [];
    [Id(8)] public long Repeated { get; set; }

    /// <summary>Anomalies and alarm transitions recorded without a notification because a silence matched them.</summary>
    [Id(9)] public long Silenced { get; set; }

    /// <summary>The oldest segment kept; the shard keeps every segment from here up to <see cref="NextSequence"/>, except <see cref="Uncommitted"/>.</summary>
    [Id(10)] public long FirstKept { get; set; }

    /// <summary>Sequence numbers in the kept range taken by a writer that never committed them (it died, or lost a race with another activation).</summary>
    [Id(11)] public List<long> Uncommitted { get; set; } = [];

    /// <summary>Per sink, the ordinals of the notifications it has not accepted yet.</summary>
    [Id(12)] public Dictionary<string, List<OrdinalRange>> Pending { get; set; } = [];

    /// <summary>The activation that wrote the latest commit of queued calls, and the number of the last call it covers (see <see cref="NotifierGrain.Flush"/>).</summary>
    [Id(13)] public NotifierTicket? Committed { get; set; }
}
