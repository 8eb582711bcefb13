namespace Actors.Admin.Output;

/// <summary>One silo of the membership table.</summary>
public sealed record SiloReport
{
    public required string Address { get; init; }
    public string? Name { get; init; }
    public string? HostName { get; init; }

    /// <summary>Orleans silo status: <c>Active</c>, <c>Joining</c>, <c>ShuttingDown</c>, <c>Dead</c>, ...</summary>
    public required string Status { get; init; }
    public required DateTime StartTime { get; init; }
    public required DateTime LastHeartbeat { get; init; }

    /// <summary>Grain activations on the silo (0 when it is not active).</summary>
    public required long Activations { get; init; }
}
