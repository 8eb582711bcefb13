using Actors.Grains.Interfaces;

namespace Actors.Ingestor.Pipeline;

/// <summary>What the grains did with one batch: anomalies in device order, then reading order.</summary>
/// <param name="Accepted">Readings judged.</param>
/// <param name="Duplicates">Readings dropped as duplicate or late.</param>
/// <param name="Anomalies">Anomalies found.</param>
/// <param name="Outliers">Readings the device grains set aside because their event time jumped too far ahead.</param>
public sealed record BatchOutcome(int Accepted, int Duplicates, IReadOnlyList<Anomaly> Anomalies, int Outliers = 0);
