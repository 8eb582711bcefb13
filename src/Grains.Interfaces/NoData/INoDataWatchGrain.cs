namespace Actors.Grains.Interfaces;

/// <summary>
/// One of <c>NoData:Shards</c> watch shards (key: <see cref="NotifierShard.For"/> of the device ID): keeps when each of
/// its devices' silence ends and asks the devices whose silence ended to raise their NoData alarm (docs/alarms.md).
/// </summary>
[Alias("no-data-watch")]
public interface INoDataWatchGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Devices' silences end later (they had readings). With <paramref name="eventClock"/> (a replay's latest event time)
    /// the shard runs on it and raises what is due by it before returning; without, it runs on the wall clock.
    /// </summary>
    [Alias("seen")]
    [DataPlaneOperation]
    Task Seen(SilenceDue[] devices, DateTime? eventClock);

    /// <summary>Asks the devices whose silence ended (at most <c>NoData:MaxChecksPerSweep</c>) to raise their alarm.</summary>
    [Alias("sweep")]
    [DataPlaneOperation]
    Task Sweep();

    [Alias("snapshot")]
    Task<NoDataWatchSnapshot> GetSnapshot();
}
