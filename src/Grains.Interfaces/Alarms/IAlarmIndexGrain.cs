namespace Actors.Grains.Interfaces;

/// <summary>
/// One shard of the cluster's index of alarms that are not NORMAL (key: shard number, a device always uses the same
/// shard, see <see cref="NotifierShard"/>), so that listing alarms never activates device grains.
/// </summary>
[Alias("alarm-index")]
public interface IAlarmIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Replaces the device's entries by <paramref name="alarms"/> (its alarms that are not NORMAL; none removes it).</summary>
    [Alias("update")]
    [DataPlaneOperation]
    Task Update(string deviceId, AlarmView[] alarms);

    /// <summary>The shard's alarms that match, most severe first, then oldest first.</summary>
    [Alias("list")]
    Task<AlarmView[]> List(AlarmQuery query);
}
