namespace Actors.Cluster.Tests.Crash;

/// <summary>
/// A named sequence of kills, in stream order. The records are checkpointed every <see cref="CheckpointRecords"/>
/// records of the shard, so a kill point says how far it is from the last checkpoint.
/// </summary>
public sealed record CrashScenario(string Name, params CrashStep[] Steps)
{
    public const int CheckpointRecords = 500;

    public override string ToString() => Name;

    /// <summary>The scenario CI runs: a silo and then the ingestor, each killed in the middle of the stream's traffic.</summary>
    public static CrashScenario Representative { get; } = new("notifier silo, then ingestor, both in flight",
        new CrashStep(CrashTarget.NotifierSilo, 1_250, InFlight: true),
        new CrashStep(CrashTarget.Ingestor, 2_600, InFlight: true));

    /// <summary>Every kill point (scripts/crash-matrix.sh runs them all).</summary>
    public static IReadOnlyList<CrashScenario> Matrix { get; } =
    [
        new("no kill (control)"),
        Representative,
        new("device silo before the first checkpoint, ingestor between checkpoints, both idle",
            new CrashStep(CrashTarget.DeviceSilo, 300, InFlight: false),
            new CrashStep(CrashTarget.Ingestor, 1_750, InFlight: false)),
        new("lease silo and then ingestor right at checkpoints, idle",
            new CrashStep(CrashTarget.LeaseSilo, 1_000, InFlight: false),
            new CrashStep(CrashTarget.Ingestor, 2_000, InFlight: false)),
        new("device silo in flight, ingestor in flight just after it",
            new CrashStep(CrashTarget.DeviceSilo, 2_100, InFlight: true),
            new CrashStep(CrashTarget.Ingestor, 2_300, InFlight: true)),
        new("notifier silo and ingestor at the same point, in flight",
            new CrashStep(CrashTarget.NotifierSilo, 3_100, InFlight: true),
            new CrashStep(CrashTarget.Ingestor, 3_100, InFlight: true)),
        new("lease silo, then device silo, then ingestor, in flight",
            new CrashStep(CrashTarget.LeaseSilo, 700, InFlight: true),
            new CrashStep(CrashTarget.DeviceSilo, 1_900, InFlight: true),
            new CrashStep(CrashTarget.Ingestor, 3_300, InFlight: true)),
    ];
}
