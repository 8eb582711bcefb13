namespace Actors.Cluster.Tests.Failover;

/// <summary>One batch of a <see cref="DeviceStream"/>: when it was first sent and why earlier attempts failed.</summary>
public sealed record BatchAttempts(int Batch, DateTime Started, IReadOnlyList<string> Failures);
