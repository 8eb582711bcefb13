using Actors.Grains.Interfaces;

namespace Actors.Ingestor.Pipeline;

/// <summary>What the grains did with one batch: anomalies in device order, then reading order.</summary>
public sealed record BatchOutcome(int Accepted, int Duplicates, IReadOnlyList<Anomaly> Anomalies);
