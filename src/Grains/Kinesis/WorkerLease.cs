namespace Actors.Grains.Kinesis;

/// <summary>A live worker, as the lease grain knows it.</summary>
[GenerateSerializer, Alias("worker-lease")]
public sealed class WorkerLease
{
    [Id(0)] public required string WorkerId { get; init; }

    /// <summary>When its last heartbeat arrived (UTC). Not written on every heartbeat: reset to the activation time when the grain is reactivated.</summary>
    [Id(1)] public DateTime LastSeen { get; set; }

    /// <summary>How long its lease lasts without another heartbeat.</summary>
    [Id(2)] public TimeSpan LeaseDuration { get; set; }

    /// <summary>The moment its lease expires unless it sends another heartbeat.</summary>
    public DateTime ExpiresAt => LastSeen + LeaseDuration;
}
