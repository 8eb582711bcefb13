namespace Actors.Cluster.Tests.Crash;

/// <summary>What a crash step kills.</summary>
public enum CrashTarget
{
    /// <summary>The silo that hosts the most of the stream's device grains.</summary>
    DeviceSilo,

    /// <summary>The silo that hosts the most notifier shards.</summary>
    NotifierSilo,

    /// <summary>The silo that hosts the stream's lease grain (shard leases and checkpoints).</summary>
    LeaseSilo,

    /// <summary>The ingestor process.</summary>
    Ingestor,
}

/// <summary>
/// One SIGKILL: of <paramref name="Target"/>, once the devices have accepted the readings of the first
/// <paramref name="AtRecord"/> records of the stream. <paramref name="InFlight"/>: the stream already holds more records,
/// so the kill lands while batches, checkpoints and deliveries are under way; otherwise the stream holds exactly those
/// records and the kill lands once they are all judged, before the records after them exist. The killed process is
/// started again at once, as ECS replaces a stopped task.
/// </summary>
public sealed record CrashStep(CrashTarget Target, int AtRecord, bool InFlight)
{
    public override string ToString() => $"{Target} at record {AtRecord} ({(InFlight ? "in flight" : "idle")})";
}
