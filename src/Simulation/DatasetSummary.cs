namespace Actors.Simulation;

/// <summary>What <see cref="DatasetGenerator.WriteNdjsonAsync"/> wrote.</summary>
/// <param name="Records">Lines written, malformed ones included.</param>
/// <param name="Malformed">Lines that hold a malformed record.</param>
/// <param name="Devices">Number of simulated devices.</param>
public sealed record DatasetSummary(long Records, long Malformed, int Devices);
