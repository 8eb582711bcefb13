using Actors.Ingestor.Pipeline;

namespace Actors.Benchmarks.Replay;

/// <summary>
/// One timed replay: what it counted, how long the silo took to start, the replay's wall and CPU time (all threads), and
/// its garbage collections (<see cref="GcClock.Describe"/>).
/// </summary>
public sealed record ReplayMeasurement(RunSummary Summary, TimeSpan SiloStart, TimeSpan Wall, TimeSpan Cpu, string Gc)
{
    /// <summary>Accepted readings per second of wall time.</summary>
    public double Rate => Summary.Accepted / Wall.TotalSeconds;
}
