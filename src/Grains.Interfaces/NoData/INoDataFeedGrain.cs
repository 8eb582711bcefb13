namespace Actors.Grains.Interfaces;

/// <summary>
/// Where a source hands the latest readings of its devices at each checkpoint: a stateless worker on the silo that got
/// the call turns them into silence ends by the silo's <c>NoData</c> settings and sends one call to each watch shard
/// concerned, so an ingestor needs no no-data settings.
/// </summary>
[Alias("no-data-feed")]
public interface INoDataFeedGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The devices' latest readings; <paramref name="eventClock"/> is a replay's latest event time (null for live ingest,
    /// which runs on the wall clock). With an event clock every shard gets it, so silences end in a replay as the data says.
    /// </summary>
    [Alias("seen")]
    [DataPlaneOperation]
    Task Seen(LastSeen[] devices, DateTime? eventClock);
}
