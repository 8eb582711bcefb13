using System.Text.Json.Serialization;

namespace Actors.Grains.Interfaces;

/// <summary>
/// One change of an alarm's state (or a reminder that it is still active), as sent in a <see cref="Notification"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("alarm-transition")]
public sealed record AlarmTransition
{
    /// <summary>
    /// Stable identity: judging the same readings again from the same state gives the same ID, so the notifier records
    /// and sends each transition once (see docs/alarms.md).
    /// </summary>
    [Id(0)] public required string TransitionId { get; init; }
    [Id(1)] public required string DeviceId { get; init; }
    [Id(2)] public required string Metric { get; init; }

    /// <summary>The rule that raised the alarm: an <see cref="AnomalyType"/> name.</summary>
    [Id(3)] public required string Rule { get; init; }
    [Id(4)] public required AlarmState State { get; init; }
    [Id(5)] public required AlarmState PreviousState { get; init; }
    [Id(6)] public required int Severity { get; init; }

    /// <summary>When: the event time of the reading that changed the alarm, or the wall-clock time of an operator's action or a timer.</summary>
    [Id(7)] public required DateTime At { get; init; }

    /// <summary>Abnormal episodes since the alarm was raised: an alarm whose condition comes and goes is one alarm with a count.</summary>
    [Id(8)] public required int Count { get; init; }

    /// <summary>The latest anomaly of the alarm's condition (in a JSON notification, its <see cref="Notification.Anomaly"/>).</summary>
    /// <remarks>Not <c>required</c>: System.Text.Json refuses a required property it ignores. Every transition sets it.</remarks>
    [Id(9), JsonIgnore] public Anomaly Cause { get; init; } = null!;

    /// <summary>The operator who acted, for an operator's action.</summary>
    [Id(10)] public string? Actor { get; init; }
    [Id(11)] public string? Note { get; init; }

    /// <summary>True for a reminder that an alarm is still active and unacknowledged (no change of state).</summary>
    [Id(12)] public bool Renotify { get; init; }

    /// <summary>True when the alarm has been active and unacknowledged for longer than the escalation delay.</summary>
    [Id(13)] public bool Escalated { get; init; }

    [Id(14)] public DateTime? SnoozedUntil { get; init; }
}
