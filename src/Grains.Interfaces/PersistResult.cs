namespace Actors.Grains.Interfaces;

/// <summary>What a grain did when a checkpoint asked it to write its state.</summary>
[GenerateSerializer]
public enum PersistResult
{
    /// <summary>Nothing changed since the state was last written.</summary>
    Unchanged,

    /// <summary>The state was written.</summary>
    Written,

    /// <summary>
    /// The grain does not hold what the caller sent it since the last checkpoint (it was reloaded from storage after a
    /// silo failure, or it went back to its last written state because its notifier shard lost anomalies it had queued):
    /// the checkpoint must not move, and the caller must read its source again from the previous one.
    /// </summary>
    Behind,

    /// <summary>
    /// The state cannot be written, and writing it again would fail the same way (e.g. it is over the store's item size
    /// limit): the grain keeps it in memory and tries again at the next checkpoint, the checkpoint moves on without it,
    /// and the silo reports the grain (log, <c>detection.state.unwritable</c>, readiness degraded).
    /// </summary>
    Unwritable,
}
