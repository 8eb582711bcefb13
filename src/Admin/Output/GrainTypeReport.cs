namespace Actors.Admin.Output;

/// <summary>Activations of one grain type across the active silos.</summary>
public sealed record GrainTypeReport
{
    public required string GrainType { get; init; }
    public required long Activations { get; init; }
}
