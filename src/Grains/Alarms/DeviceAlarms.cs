using Actors.Detection.Alarms;
using Actors.Detection.Device;
using Actors.Detection.NoData;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Alarms;

/// <summary>
/// What a device grain does with its alarms: applies judged batches, operator actions and the passing of time to the
/// device's <see cref="AlarmBook"/> (kept in <see cref="DeviceState.Alarms"/> only while it holds an alarm), and sends
/// the device's alarms to its index shard. One per silo.
/// </summary>
public sealed class DeviceAlarms(IOptions<AlarmOptions> options, TimeProvider time, IGrainFactory grains, NoDataPolicy noData)
{
    private AlarmOptions Options => options.Value;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>How often a device with alarms ends snoozes and sends reminders.</summary>
    public TimeSpan TimerInterval => Options.TimerInterval;

    /// <summary>The transitions a judged batch makes.</summary>
    public AlarmTransition[] Observe(string deviceId, DeviceState state, IReadOnlyList<Reading> judged, IReadOnlyList<Anomaly> anomalies)
    {
        if (state.Alarms is null && (Options.Rules.Count == 0 || anomalies.Count == 0))
        {
            return [];
        }
        var transitions = new List<AlarmTransition>();
        Change(state, book => book.Observe(deviceId, judged, anomalies, Options, Now, transitions));
        return [.. transitions];
    }

    /// <summary>Snoozes that ended and reminders that are due.</summary>
    public AlarmTransition[] Tick(string deviceId, DeviceState state)
    {
        if (state.Alarms is null)
        {
            return [];
        }
        var transitions = new List<AlarmTransition>();
        Change(state, book => book.Tick(deviceId, Options, Now, transitions));
        return [.. transitions];
    }

    /// <summary>
    /// Whether the device has been silent for its <c>NoData:After</c> by <paramref name="now"/>; if so its NoData alarm is
    /// raised (the transitions go to <paramref name="transitions"/>).
    /// </summary>
    public SilenceCheck CheckSilence(string deviceId, DeviceState state, DateTime now, List<AlarmTransition> transitions)
    {
        if (state.LastEventTime is not { } last || noData.AfterFor(deviceId, state.LastProductId) is not { } after)
        {
            return new SilenceCheck { Outcome = SilenceOutcome.Unwatched };
        }
        var due = last + after;
        if (due > now)
        {
            return new SilenceCheck { Outcome = SilenceOutcome.NotDue, Due = due };
        }
        Change(state, book => book.Silent(deviceId, NoDataAlarm.Cause(deviceId, state.LastProductId, last, after), Options, Now, transitions));
        return new SilenceCheck { Outcome = SilenceOutcome.Raised, Due = due };
    }

    /// <inheritdoc cref="AlarmBook.Act"/>
    public (AlarmTransition Transition, AlarmView Alarm) Act(string deviceId, DeviceState state, AlarmCommand command)
    {
        var book = state.Alarms ?? new AlarmBook();
        var result = book.Act(deviceId, command, Now);
        state.Alarms = book.IsEmpty ? null : book;
        return result;
    }

    /// <summary>Sends the device's alarms (without history or cause) to its index shard.</summary>
    public Task IndexAsync(string deviceId, DeviceState state)
    {
        var alarms = state.Alarms?.Views(deviceId).Select(a => a with { Cause = null, History = [] }).ToArray() ?? [];
        return grains.GetGrain<IAlarmIndexGrain>(NotifierShard.For(deviceId, Options.IndexShards)).Update(deviceId, alarms);
    }

    private static void Change(DeviceState state, Action<AlarmBook> change)
    {
        var book = state.Alarms ?? new AlarmBook();
        change(book);
        state.Alarms = book.IsEmpty ? null : book;
    }
}
