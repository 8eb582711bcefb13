namespace Actors.Admin.Output;

/// <summary><c>cluster status</c>: the silos with their status and activations, and activations by grain type.</summary>
public sealed record ClusterStatusReport
{
    public required string ClusterId { get; init; }
    public required SiloReport[] Silos { get; init; }
    public required int ActiveSilos { get; init; }
    public required long TotalActivations { get; init; }
    public required GrainTypeReport[] GrainTypes { get; init; }
}
