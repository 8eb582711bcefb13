using Actors.Grains.Interfaces;

namespace Actors.Grains.Notifier;

/// <summary>
/// What one turn of a notifier shard received and produced: the new anomalies and alarm transitions and the
/// notifications they (or expired cooldowns) made. Written once as its own record, so a shard's writes are proportional
/// to what changed, never to its history. The kept segments are also the log the shard rebuilds its repeat-folding
/// cooldowns from when it activates.
/// </summary>
[GenerateSerializer, Alias("alert-segment")]
public sealed class AlertSegment
{
    [Id(0)] public long Sequence { get; set; }

    /// <summary>When the segment was written (UTC, wall clock): the time its anomalies were offered to the folder at; it is dropped <see cref="Options.NotifierOptions.DedupRetention"/> later.</summary>
    [Id(1)] public DateTime WrittenAt { get; set; }

    /// <summary>Anomalies offered to the repeat folder, in order.</summary>
    [Id(2)] public List<Anomaly> Anomalies { get; set; } = [];
    [Id(3)] public List<Notification> Notifications { get; set; } = [];
    [Id(4)] public List<AlarmTransition> Transitions { get; set; } = [];

    /// <summary>The ordinal of the first of <see cref="Notifications"/>; the others follow it.</summary>
    [Id(5)] public long FirstNotification { get; set; }

    /// <summary>Whether the segment holds the summaries of cooldowns that ended at <see cref="WrittenAt"/>.</summary>
    [Id(6)] public bool ClosesCooldowns { get; set; }

    /// <summary>Anomalies a silence matched: recorded (so they are not notified when judged again), never offered or notified.</summary>
    [Id(7)] public List<Anomaly> SilencedAnomalies { get; set; } = [];
}
