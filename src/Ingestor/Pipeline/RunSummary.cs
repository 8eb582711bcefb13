using System.Diagnostics;
using Actors.Grains.Interfaces;

namespace Actors.Ingestor.Pipeline;

/// <summary>Counters of one run of the ingestor: what was read, accepted, rejected, dropped and found. Thread-safe.</summary>
public sealed class RunSummary
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long[] _anomalies = new long[Enum.GetValues<AnomalyType>().Length];
    private long _records;
    private long _accepted;
    private long _rejected;
    private long _duplicates;
    private long _outliers;
    private long _stateWrites;

    public long Records => Interlocked.Read(ref _records);
    public long Accepted => Interlocked.Read(ref _accepted);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Outliers => Interlocked.Read(ref _outliers);
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Grain states written at checkpoints.</summary>
    public long StateWrites => Interlocked.Read(ref _stateWrites);
    public long AnomalyCount => _anomalies.Sum();

    public long Anomalies(AnomalyType type) => Interlocked.Read(ref _anomalies[(int)type]);

    public void RecordRead(long records) => Interlocked.Add(ref _records, records);

    public void RecordRejected() => Interlocked.Increment(ref _rejected);

    public void RecordWrites(long writes) => Interlocked.Add(ref _stateWrites, writes);

    public void Add(BatchOutcome outcome)
    {
        Interlocked.Add(ref _accepted, outcome.Accepted);
        Interlocked.Add(ref _duplicates, outcome.Duplicates);
        Interlocked.Add(ref _outliers, outcome.Outliers);
        foreach (var anomaly in outcome.Anomalies)
        {
            Interlocked.Increment(ref _anomalies[(int)anomaly.AnomalyType]);
        }
    }

    /// <summary>Readings accepted per second of wall time since the run started.</summary>
    public double Rate => Accepted / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public override string ToString() =>
        $"records {Records}, accepted {Accepted}, rejected {Rejected}, duplicates {Duplicates}, outliers {Outliers}, alerts {AnomalyCount} ("
        + string.Join(", ", Enum.GetValues<AnomalyType>().Select(t => $"{t} {Anomalies(t)}"))
        + $"), grain states written at checkpoints {StateWrites}, {Elapsed.TotalSeconds:0.00} s, {Rate:0} readings/s";
}
