using Actors.Grains.Interfaces;

namespace Actors.Ingestor.Pipeline;

/// <summary>What the grains did with one batch: anomalies in device order, then reading order.</summary>
/// <param name="Accepted">Readings judged.</param>
/// <param name="Duplicates">Readings dropped as duplicate or late.</param>
/// <param name="Anomalies">Anomalies found.</param>
/// <param name="Outliers">Readings the device grains set aside because their event time jumped too far ahead.</param>
/// <param name="Behind">A grain had lost what it took since the last checkpoint (silo failure): read the source again from there.</param>
public sealed record BatchOutcome(int Accepted, int Duplicates, IReadOnlyList<Anomaly> Anomalies, int Outliers = 0, bool Behind = false)
{
    /// <summary>Indices, in input order, of the readings no grain took because a grain call failed (see <see cref="Failures"/>).</summary>
    public IReadOnlyList<int> Failed { get; init; } = [];

    /// <summary>The grain calls that failed.</summary>
    public IReadOnlyList<GrainCallFailure> Failures { get; init; } = [];
}
