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

    /// <summary>
    /// Takes the anomalies and transitions like <see cref="Notify"/>, but returns at once: they are committed (and then
    /// delivered) within <c>Notifier:CommitInterval</c>, or sooner when <see cref="Flush"/> asks. A caller whose own
    /// state will contain their effect flushes the latest ticket before it writes that state.
    /// </summary>
    [Alias("queue")]
    [DataPlaneOperation]
    [AlwaysInterleave]
    Task<NotifierTicket> Queue(Anomaly[] anomalies, AlarmTransition[]? transitions = null);

    /// <summary>
    /// Makes everything the ticket's activation queued up to the ticket durable, and says whether it is: false when the
    /// ticket is lost (the activation that issued it is gone without committing it: its silo died, or its commit failed
    /// and it was dropped), so the caller must not write state that contains the effect of what it queued.
    /// </summary>
    [Alias("flush")]
    [DataPlaneOperation]
    [AlwaysInterleave]
    Task<bool> Flush(NotifierTicket ticket);

    /// <summary>The most recent anomalies this shard recorded that match the query, newest first.</summary>
    [Alias("recent")]
    Task<Anomaly[]> GetRecent(AlertQuery query);

    [Alias("snapshot")]
    Task<NotifierSnapshot> GetSnapshot();
}
