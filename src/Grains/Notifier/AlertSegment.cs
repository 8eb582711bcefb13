using Actors.Grains.Interfaces;

namespace Actors.Grains.Notifier;

/// <summary>
/// What one turn of a notifier shard received and produced: the new anomalies and alarm transitions and the notifications they (or expired
/// cooldowns) made. Written once as its own record, so a shard's writes are proportional to what changed, never to
/// its history.
/// </summary>
[GenerateSerializer, Alias("alert-segment")]
public sealed class AlertSegment
{
    [Id(0)] public long Sequence { get; set; }

    /// <summary>When the segment was written (UTC, wall clock); it is dropped <see cref="Options.NotifierOptions.DedupRetention"/> later.</summary>
    [Id(1)] public DateTime WrittenAt { get; set; }

    [Id(2)] public List<Anomaly> Anomalies { get; set; } = [];
    [Id(3)] public List<Notification> Notifications { get; set; } = [];
    [Id(4)] public List<AlarmTransition> Transitions { get; set; } = [];
}
