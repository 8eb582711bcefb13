using Actors.Grains.Interfaces;
using Orleans.Runtime;

namespace Actors.Grains.Alarms;

/// <summary>
/// One shard of the index of alarms that are not NORMAL. Device grains send their alarms here after each transition,
/// once the notifier has it; <c>alarms list</c> asks every shard and never activates a device. The state holds only
/// raised (or operator-held) alarms, without history, and is written on every update: updates follow transitions, which
/// are rare next to readings.
/// </summary>
public sealed class AlarmIndexGrain(
    [PersistentState("alarm-index", StorageNames.State)] IPersistentState<AlarmIndexState> state) : Grain, IAlarmIndexGrain
{
    public async Task Update(string deviceId, AlarmView[] alarms)
    {
        var devices = state.State.Devices;
        if (alarms.Length == 0 ? !devices.Remove(deviceId) : devices.TryGetValue(deviceId, out var kept) && kept.SequenceEqual(alarms))
        {
            return;
        }
        if (alarms.Length > 0)
        {
            devices[deviceId] = alarms;
        }
        await state.WriteStateAsync();
    }

    public Task<AlarmView[]> List(AlarmQuery query)
    {
        IEnumerable<AlarmView> candidates = query.DeviceId is { } device
            ? state.State.Devices.GetValueOrDefault(device) ?? []
            : state.State.Devices.Values.SelectMany(alarms => alarms);
        return Task.FromResult(candidates
            .Where(query.Matches)
            .OrderByDescending(a => a.Severity)
            .ThenBy(a => a.Since)
            .ThenBy(a => a.DeviceId, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToArray());
    }
}
