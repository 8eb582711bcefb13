namespace Actors.Benchmarks.Loop;

/// <summary>What one run of the <see cref="SingleThreadedLoop"/> read, accepted and found.</summary>
public sealed class LoopSummary
{
    public long Records { get; set; }
    public long Rejected { get; set; }
    public long Accepted { get; set; }
    public long Anomalies { get; set; }
}
