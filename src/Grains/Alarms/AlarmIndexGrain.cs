using Actors.Detection.Alarms;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Alarms;

/// <summary>
/// One shard of the index of alarms that are not NORMAL. Device grains send their alarms here after each transition,
/// once the notifier has it, and again at their checkpoints while they have alarms; <c>alarms list</c> asks every shard
/// and never activates a device. The state holds only raised (or operator-held) alarms, without history, and is written
/// at most once per <see cref="AlarmOptions.IndexWriteInterval"/> and at deactivation, not per update: a shard item is
/// the size of all its alarms, so a write per update would cost a fleet-wide alarm storm the square of its size.
/// </summary>
public sealed class AlarmIndexGrain(IOptions<AlarmOptions> options) : CheckpointedGrain<AlarmIndexState>("alarm-index"), IAlarmIndexGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        var interval = options.Value.IndexWriteInterval;
        this.RegisterGrainTimer(_ => WriteIfChangedAsync(), new GrainTimerCreationOptions(interval, interval));
    }

    public Task Update(string deviceId, AlarmView[] alarms)
    {
        var devices = State.Devices;
        var changed = alarms.Length == 0
            ? devices.Remove(deviceId)
            : !devices.TryGetValue(deviceId, out var kept) || !SameEntries(kept, alarms);
        if (changed)
        {
            if (alarms.Length > 0)
            {
                devices[deviceId] = alarms;
            }
            MarkChanged();
        }
        return Task.CompletedTask;
    }

    public Task<AlarmView[]> List(AlarmQuery query)
    {
        IEnumerable<AlarmView> candidates = query.DeviceId is { } device
            ? State.Devices.GetValueOrDefault(device) ?? []
            : State.Devices.Values.SelectMany(alarms => alarms);
        return Task.FromResult(candidates
            .Where(query.Matches)
            .OrderByDescending(a => a.Severity)
            .ThenBy(a => a.Since)
            .ThenBy(a => a.DeviceId, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToArray());
    }

    /// <summary>Whether two index entries are alike; they carry no history or cause, whose arrays record equality would compare by reference.</summary>
    private static bool SameEntries(AlarmView[] kept, AlarmView[] sent) =>
        kept.Length == sent.Length && kept.Zip(sent).All(pair => pair.First with { History = pair.Second.History, Cause = pair.Second.Cause } == pair.Second);
}
