using Orleans.Concurrency;

namespace Actors.Grains.Interfaces;

/// <summary>
/// Sends anomalies on. Keyed by shard number (a device always uses the same shard, see <see cref="NotifierShard"/>),
/// so that one busy notifier does not serialize the whole cluster.
/// </summary>
[Alias("notifier")]
public interface INotifierGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Records the anomalies and hands them to the sinks, folding repeats within the cooldown; each alarm transition is
    /// one notification of its own. Anomalies and transitions already received (by ID) are dropped. Returns once they
    /// are durable. Calls interleave so that the shard can commit a burst of them with one write.
    /// </summary>
    [Alias("notify")]
    [DataPlaneOperation]
    [AlwaysInterleave]
    Task Notify(Anomaly[] anomalies, AlarmTransition[]? transitions = null);

    /// <summary>The most recent anomalies this shard recorded that match the query, newest first.</summary>
    [Alias("recent")]
    Task<Anomaly[]> GetRecent(AlertQuery query);

    [Alias("snapshot")]
    Task<NotifierSnapshot> GetSnapshot();
}
