using Actors.Grains.Interfaces;

namespace Actors.Detection.Alarms;

/// <summary>
/// The alarms of one device that are not NORMAL, and how a batch of judged readings, an operator's action or the
/// passing of time changes them. Every change is one <see cref="AlarmTransition"/>. Changes made by readings depend only
/// on the readings, the anomalies and the book's state, so judging again after a crash gives the same transitions.
/// </summary>
[GenerateSerializer, Alias("alarm-book")]
public sealed class AlarmBook
{
    private static readonly AlarmRuleOptions Defaults = new();

    [Id(0)] public List<Alarm> Alarms { get; set; } = [];

    public bool IsEmpty => Alarms.Count == 0;

    /// <summary>
    /// Applies a batch in event-time order: each anomaly of a rule that raises alarms raises or feeds its alarm; each
    /// metric of each reading is a normal reading for the metric's other alarms (those no anomaly hit at that time).
    /// </summary>
    /// <param name="deviceId">The device (grain key).</param>
    /// <param name="accepted">The readings the detector judged, in order.</param>
    /// <param name="anomalies">The anomalies it found.</param>
    /// <param name="options">Which rules raise alarms.</param>
    /// <param name="now">Wall clock, for reminders and escalation only.</param>
    /// <param name="transitions">Receives the transitions, in order.</param>
    public void Observe(
        string deviceId,
        IReadOnlyList<Reading> accepted,
        IReadOnlyList<Anomaly> anomalies,
        AlarmOptions options,
        DateTime now,
        List<AlarmTransition> transitions)
    {
        var raising = new List<Anomaly>();
        foreach (var anomaly in anomalies)
        {
            if (options.For(RuleName(anomaly.AnomalyType)) is not null)
            {
                raising.Add(anomaly);
            }
        }
        if (raising.Count == 0 && Alarms.Count == 0)
        {
            return;
        }
        raising.Sort(static (a, b) => a.TargetTime.CompareTo(b.TargetTime));
        var next = 0;
        foreach (var reading in accepted)
        {
            for (; next < raising.Count && raising[next].TargetTime <= reading.Timestamp; next++)
            {
                Abnormal(deviceId, raising[next], options.For(RuleName(raising[next].AnomalyType))!, now, transitions);
            }
            foreach (var metric in reading.Metrics)
            {
                Normal(deviceId, reading.Timestamp, metric, options, now, transitions);
            }
            Resumed(deviceId, reading.Timestamp, options, now, transitions);
        }
        for (; next < raising.Count; next++)
        {
            Abnormal(deviceId, raising[next], options.For(RuleName(raising[next].AnomalyType))!, now, transitions);
        }
    }

    /// <summary>
    /// The device has been silent for its whole no-data period: raises its NoData alarm, or makes a latched one ACTIVE
    /// again; changes nothing while one is raised. <paramref name="cause"/> is dated at the end of the silence, so the
    /// transition is the same whenever and however often the silence is found.
    /// </summary>
    public void Silent(string deviceId, Anomaly cause, AlarmOptions options, DateTime now, List<AlarmTransition> transitions) =>
        Abnormal(deviceId, cause, options.For(NoDataAlarm.Rule) ?? Defaults, now, transitions);

    /// <summary>Applies an operator's action to the device's alarm of the command's metric and rule.</summary>
    /// <returns>The transition and the alarm as it is now.</returns>
    /// <exception cref="AlarmActionRefusedException">No such alarm is raised, or its state does not allow the action.</exception>
    public (AlarmTransition Transition, AlarmView Alarm) Act(string deviceId, AlarmCommand command, DateTime now)
    {
        var alarm = Find(command.Metric, command.Rule)
            ?? throw new AlarmActionRefusedException($"Device {deviceId} has no {command.Rule} alarm of {command.Metric} that is not NORMAL.");
        var previous = alarm.State;
        alarm.Act(command, now);
        var transition = Transition(deviceId, alarm, previous, AlarmTransitionIds.For(deviceId, alarm.Metric, alarm.Rule, alarm.State, now), now) with
        {
            Actor = command.Actor,
            Note = command.Note,
        };
        var view = View(deviceId, alarm);
        Forget(alarm);
        return (transition, view);
    }

    /// <summary>Ends snoozes that are over and sends the reminders that are due at <paramref name="now"/> (wall clock).</summary>
    public void Tick(string deviceId, AlarmOptions options, DateTime now, List<AlarmTransition> transitions)
    {
        foreach (var alarm in Alarms.ToArray())
        {
            var settings = SettingsOf(alarm, options);
            if (alarm.SnoozeEnded(now))
            {
                var end = alarm.SnoozedUntil!.Value;
                alarm.EndSnooze();
                transitions.Add(Transition(deviceId, alarm, AlarmState.Snoozed, AlarmTransitionIds.For(deviceId, alarm.Metric, alarm.Rule, AlarmState.Normal, end), end));
                Forget(alarm);
            }
            else if (alarm.TakeReminder(settings, now))
            {
                var id = AlarmTransitionIds.Reminder(deviceId, alarm.Metric, alarm.Rule, alarm.Renotified, alarm.Since);
                transitions.Add(Transition(deviceId, alarm, AlarmState.Active, id, now) with { Renotify = true, Escalated = alarm.IsEscalated(settings, now) });
            }
        }
    }

    /// <summary>The alarms as operators see them, ordered by metric and rule.</summary>
    public AlarmView[] Views(string deviceId) =>
        [.. Alarms.OrderBy(a => a.Metric, StringComparer.Ordinal).ThenBy(a => a.Rule, StringComparer.Ordinal).Select(a => View(deviceId, a))];

    /// <summary>The alarm of <paramref name="metric"/> and <paramref name="rule"/>, or null when it is NORMAL.</summary>
    public Alarm? Find(string metric, string rule)
    {
        foreach (var alarm in Alarms)
        {
            if (string.Equals(alarm.Metric, metric, StringComparison.Ordinal) && string.Equals(alarm.Rule, rule, StringComparison.OrdinalIgnoreCase))
            {
                return alarm;
            }
        }
        return null;
    }

    /// <summary>The view of one alarm, with the product of its latest anomaly.</summary>
    public static AlarmView View(string deviceId, Alarm alarm) => new()
    {
        DeviceId = deviceId,
        ProductId = alarm.Cause.ProductId,
        Metric = alarm.Metric,
        Rule = alarm.Rule,
        State = alarm.State,
        Severity = alarm.Severity,
        Since = alarm.Since,
        Count = alarm.Count,
        SnoozedUntil = alarm.SnoozedUntil,
        Cause = alarm.Cause,
        History = alarm.History is { } history ? [.. history] : [],
    };

    private static string RuleName(AnomalyType type) => Enum.GetName(type) ?? type.ToString();

    private static AlarmRuleOptions SettingsOf(Alarm alarm, AlarmOptions options) => options.For(alarm.Rule) ?? Defaults;

    private static AlarmTransition Transition(string deviceId, Alarm alarm, AlarmState previous, string id, DateTime at) => new()
    {
        TransitionId = id,
        DeviceId = deviceId,
        Metric = alarm.Metric,
        Rule = alarm.Rule,
        State = alarm.State,
        PreviousState = previous,
        Severity = alarm.Severity,
        At = at,
        Count = alarm.Count,
        Cause = alarm.Cause,
        SnoozedUntil = alarm.SnoozedUntil,
    };

    private void Abnormal(string deviceId, Anomaly anomaly, AlarmRuleOptions settings, DateTime now, List<AlarmTransition> transitions)
    {
        var rule = RuleName(anomaly.AnomalyType);
        var alarm = Find(anomaly.Metric, rule);
        if (alarm is null)
        {
            alarm = Alarm.Raise(anomaly, rule, settings, now);
            Alarms.Add(alarm);
            var id = AlarmTransitionIds.For(deviceId, alarm.Metric, rule, AlarmState.Active, anomaly.TargetTime);
            transitions.Add(Transition(deviceId, alarm, AlarmState.Normal, id, anomaly.TargetTime) with { Escalated = alarm.IsEscalated(settings, now) });
            return;
        }
        var previous = alarm.State;
        if (alarm.OnAbnormal(anomaly, now) is { } state)
        {
            transitions.Add(Transition(deviceId, alarm, previous, AlarmTransitionIds.For(deviceId, alarm.Metric, rule, state, anomaly.TargetTime), anomaly.TargetTime));
        }
    }

    private void Normal(string deviceId, DateTime time, Metric metric, AlarmOptions options, DateTime now, List<AlarmTransition> transitions)
    {
        for (var i = 0; i < Alarms.Count; i++)
        {
            var alarm = Alarms[i];
            if (!string.Equals(alarm.Metric, metric.Name, StringComparison.Ordinal) || alarm.Cause.TargetTime == time || alarm.Cause.AnomalyType == AnomalyType.NoData)
            {
                continue;
            }
            var previous = alarm.State;
            if (alarm.OnNormal(time, metric.Value, SettingsOf(alarm, options), now) is { } state)
            {
                transitions.Add(Transition(deviceId, alarm, previous, AlarmTransitionIds.For(deviceId, alarm.Metric, alarm.Rule, state, time), time));
                if (Forget(alarm))
                {
                    i--;
                }
            }
        }
    }

    /// <summary>A reading of the device: its readings resumed, which is the normal reading of its NoData alarm.</summary>
    private void Resumed(string deviceId, DateTime time, AlarmOptions options, DateTime now, List<AlarmTransition> transitions)
    {
        if (Find(NoDataAlarm.Metric, NoDataAlarm.Rule) is not { } alarm)
        {
            return;
        }
        var previous = alarm.State;
        if (alarm.OnNormal(time, 0, options.For(NoDataAlarm.Rule) ?? Defaults, now) is { } state)
        {
            transitions.Add(Transition(deviceId, alarm, previous, AlarmTransitionIds.For(deviceId, alarm.Metric, alarm.Rule, state, time), time));
            Forget(alarm);
        }
    }

    /// <summary>Drops the alarm if it is NORMAL: a device keeps nothing for normal alarms.</summary>
    private bool Forget(Alarm alarm) => alarm.State == AlarmState.Normal && Alarms.Remove(alarm);
}
