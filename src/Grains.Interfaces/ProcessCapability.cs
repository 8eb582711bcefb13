namespace Actors.Grains.Interfaces;

/// <summary>
/// Capability of one product metric against its specification limits over a limits window: Cp and Cpk with the
/// within-process sigma (MR-bar / 1.128), Pp and Ppk with the overall sample standard deviation, Cpm when a target is
/// set, and the share of readings that were out of specification. An index needs both limits (Cp, Pp, Cpm) or at
/// least one (Cpk, Ppk: the nearer limit), and a positive sigma; otherwise it is null.
/// </summary>
[GenerateSerializer, Immutable, Alias("process-capability")]
public sealed record ProcessCapability
{
    [Id(0)] public required string Metric { get; init; }

    /// <summary>The day whose limits window, [day − window, day), the indices are computed over.</summary>
    [Id(1)] public required DateOnly Date { get; init; }
    [Id(2)] public double? Lsl { get; init; }
    [Id(3)] public double? Usl { get; init; }
    [Id(4)] public double? Target { get; init; }
    [Id(5)] public required long Count { get; init; }
    [Id(6)] public required double Mean { get; init; }

    /// <summary>MR-bar / 1.128 from consecutive readings of each device; null without moving ranges.</summary>
    [Id(7)] public double? SigmaWithin { get; init; }

    /// <summary>Sample standard deviation (n − 1) of every reading in the window.</summary>
    [Id(8)] public required double SigmaOverall { get; init; }
    [Id(9)] public double? Cp { get; init; }
    [Id(10)] public double? Cpk { get; init; }
    [Id(11)] public double? Pp { get; init; }
    [Id(12)] public double? Ppk { get; init; }
    [Id(13)] public double? Cpm { get; init; }

    /// <summary>Readings below LSL or above USL, as a share of <see cref="Count"/> (0 to 1).</summary>
    [Id(14)] public required double OutOfSpecShare { get; init; }
}
