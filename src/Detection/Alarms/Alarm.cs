using Actors.Grains.Interfaces;

namespace Actors.Detection.Alarms;

/// <summary>
/// One raised (or operator-held) alarm of a device: a (metric, rule) pair whose state is not NORMAL. A NORMAL alarm is
/// not kept at all. The rules of its lifecycle are here; <see cref="AlarmBook"/> routes readings and anomalies to it.
/// </summary>
[GenerateSerializer, Alias("alarm")]
public sealed class Alarm
{
    /// <summary>Operator actions kept per alarm; older ones are dropped (every action also leaves as a notification).</summary>
    public const int MaxHistory = 8;

    [Id(0)] public required string Metric { get; set; }

    /// <summary>The rule that raised the alarm: an <see cref="AnomalyType"/> name.</summary>
    [Id(1)] public required string Rule { get; set; }
    [Id(2)] public AlarmState State { get; set; }
    [Id(3)] public int Severity { get; set; }

    /// <summary>When the alarm entered its state (event time for changes made by readings, wall clock for operators and timers).</summary>
    [Id(4)] public DateTime Since { get; set; }

    /// <summary>Abnormal episodes since the alarm was raised.</summary>
    [Id(5)] public int Count { get; set; }

    /// <summary>Consecutive normal readings of the metric since the latest anomaly.</summary>
    [Id(6)] public int NormalStreak { get; set; }

    /// <summary>The latest anomaly of the alarm's condition.</summary>
    [Id(7)] public required Anomaly Cause { get; set; }
    [Id(8)] public DateTime? SnoozedUntil { get; set; }
    [Id(9)] public List<AlarmHistoryEntry>? History { get; set; }

    /// <summary>Reminders sent since the alarm became ACTIVE.</summary>
    [Id(10)] public int Renotified { get; set; }

    /// <summary>Wall-clock time at which the alarm became ACTIVE: reminders and escalation count from it.</summary>
    [Id(11)] public DateTime? ActiveSinceWall { get; set; }

    /// <summary>A new ACTIVE alarm raised by <paramref name="cause"/>.</summary>
    public static Alarm Raise(Anomaly cause, string rule, AlarmRuleOptions settings, DateTime now) => new()
    {
        Metric = cause.Metric,
        Rule = rule,
        State = AlarmState.Active,
        Severity = settings.Severity,
        Since = cause.TargetTime,
        Count = 1,
        Cause = cause,
        ActiveSinceWall = now,
    };

    /// <summary>
    /// Another anomaly of the alarm's condition. A latched alarm becomes ACTIVE again; an anomaly after normal readings
    /// starts a new episode. Snoozed and disabled alarms only remember it.
    /// </summary>
    /// <returns>The new state, or null when the state did not change.</returns>
    public AlarmState? OnAbnormal(Anomaly anomaly, DateTime now)
    {
        Cause = anomaly;
        if (State is AlarmState.Snoozed or AlarmState.Disabled)
        {
            return null;
        }
        if (NormalStreak > 0 || State == AlarmState.Latched)
        {
            Count++;
        }
        NormalStreak = 0;
        if (State != AlarmState.Latched)
        {
            return null;
        }
        Enter(AlarmState.Active, anomaly.TargetTime, now);
        return AlarmState.Active;
    }

    /// <summary>
    /// A reading of the metric that the rule did not find anomalous. When the condition is over (enough normal
    /// readings outside the deadband, quiet long enough), an ACTIVE alarm latches or clears, an ACKNOWLEDGED one clears.
    /// </summary>
    /// <returns>The new state, or null when the state did not change.</returns>
    public AlarmState? OnNormal(DateTime time, double value, AlarmRuleOptions settings, DateTime now)
    {
        if (State is not (AlarmState.Active or AlarmState.Acknowledged))
        {
            return null;
        }
        if (!ClearOfDeadband(value, settings.Deadband))
        {
            NormalStreak = 0;
            return null;
        }
        NormalStreak++;
        if (NormalStreak < settings.ClearAfterReadings || time - Cause.TargetTime < settings.QuietPeriod)
        {
            return null;
        }
        var next = State == AlarmState.Active && settings.Latch ? AlarmState.Latched : AlarmState.Normal;
        Enter(next, time, now);
        return next;
    }

    /// <summary>Applies an operator's action at <paramref name="now"/> (wall clock) and records it in the history.</summary>
    /// <returns>The new state.</returns>
    /// <exception cref="AlarmActionRefusedException">The alarm's state does not allow the action.</exception>
    public AlarmState Act(AlarmCommand command, DateTime now)
    {
        var next = (command.Action, State) switch
        {
            (AlarmAction.Acknowledge, AlarmState.Active) => AlarmState.Acknowledged,
            (AlarmAction.Acknowledge, AlarmState.Latched) => AlarmState.Normal,
            (AlarmAction.Snooze, AlarmState.Active or AlarmState.Acknowledged or AlarmState.Latched or AlarmState.Snoozed) => AlarmState.Snoozed,
            (AlarmAction.Disable, not AlarmState.Disabled) => AlarmState.Disabled,
            (AlarmAction.Enable, AlarmState.Disabled) => AlarmState.Normal,
            (AlarmAction.Reset, not AlarmState.Disabled) => AlarmState.Normal,
            _ => throw new AlarmActionRefusedException($"Cannot {Verb(command.Action)} the {Rule} alarm of {Metric}: it is {State.ToString().ToUpperInvariant()}."),
        };
        if (command.Action == AlarmAction.Snooze)
        {
            if (command.Until is not { } until || until <= now)
            {
                throw new AlarmActionRefusedException($"A snooze needs an end in the future; got {command.Until?.ToString("O") ?? "none"}.");
            }
            SnoozedUntil = until;
        }
        History ??= [];
        if (History.Count >= MaxHistory)
        {
            History.RemoveAt(0);
        }
        History.Add(new AlarmHistoryEntry { Action = command.Action, Actor = command.Actor, At = now, Note = command.Note });
        Enter(next, now, now);
        return next;
    }

    /// <summary>True when the alarm is snoozed and its snooze ended at or before <paramref name="now"/>.</summary>
    public bool SnoozeEnded(DateTime now) => State == AlarmState.Snoozed && SnoozedUntil <= now;

    /// <summary>Ends the snooze: back to NORMAL, the change dated at the snooze's end so that it is the same after a replay.</summary>
    public void EndSnooze()
    {
        Enter(AlarmState.Normal, SnoozedUntil!.Value, SnoozedUntil.Value);
    }

    /// <summary>
    /// Whether a reminder is due at <paramref name="now"/>: ACTIVE, with a renotify interval, and the next interval
    /// since it became active has passed. Marks it sent.
    /// </summary>
    public bool TakeReminder(AlarmRuleOptions settings, DateTime now)
    {
        if (State != AlarmState.Active || settings.RenotifyInterval is not { } interval || ActiveSinceWall is not { } since)
        {
            return false;
        }
        var intervals = (int)Math.Min(int.MaxValue, (now - since).Ticks / interval.Ticks);
        if (intervals <= Renotified)
        {
            return false;
        }
        Renotified = intervals;
        return true;
    }

    /// <summary>True when the alarm is ACTIVE and has been so for at least the rule's escalation delay.</summary>
    public bool IsEscalated(AlarmRuleOptions settings, DateTime now) =>
        State == AlarmState.Active && settings.EscalateAfter is { } after && ActiveSinceWall is { } since && now - since >= after;

    private static string Verb(AlarmAction action) => action.ToString().ToLowerInvariant();

    private bool ClearOfDeadband(double value, double deadband)
    {
        if (Cause.UpperLimit is { } upper && Cause.MeasuredValue >= upper)
        {
            return value < upper - deadband;
        }
        if (Cause.LowerLimit is { } lower && Cause.MeasuredValue <= lower)
        {
            return value > lower + deadband;
        }
        return true;
    }

    private void Enter(AlarmState next, DateTime since, DateTime now)
    {
        State = next;
        Since = since;
        if (next == AlarmState.Active)
        {
            ActiveSinceWall = now;
            Renotified = 0;
        }
        if (next != AlarmState.Snoozed)
        {
            SnoozedUntil = null;
        }
        if (next != AlarmState.Active && next != AlarmState.Acknowledged)
        {
            NormalStreak = 0;
        }
    }
}
