using System.Runtime.CompilerServices;
using Actors.Simulation;

namespace Actors.Ingestor.Pipeline;

/// <summary>
/// The simulator's records: first <paramref name="history"/> before <paramref name="historyEnd"/> at full speed (so
/// control limits exist when the live part starts), then from <paramref name="start"/> for <paramref name="duration"/>
/// paced to the wall clock at <paramref name="speed"/> (0 = full speed). Records are numbered from 1 in the order made.
/// </summary>
public sealed class SimulatorSource(SimulationOptions options, DateTime historyEnd, TimeSpan history, DateTime start, TimeSpan duration, double speed) : IRecordSource
{
    /// <summary>The name records are reported under (<c>simulator:N</c>).</summary>
    public const string Name = "simulator";

    private long _lastEventTicks;

    public bool Paced => speed > 0;

    /// <summary>The event time of the latest record made (UTC).</summary>
    public DateTime LastEventTime => new(Interlocked.Read(ref _lastEventTicks), DateTimeKind.Utc);

    public async IAsyncEnumerable<SourceRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0L;
        if (history > TimeSpan.Zero)
        {
            foreach (var record in new ReadingSimulator(options).Generate(historyEnd - history, history))
            {
                yield return Next(record);
            }
        }
        var pacer = new SimulationPacer(start, speed);
        foreach (var record in new ReadingSimulator(options).Generate(start, duration))
        {
            await pacer.WaitForAsync(record.EventTime, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            yield return Next(record);
        }

        SourceRecord Next(SimulatedRecord record)
        {
            Interlocked.Exchange(ref _lastEventTicks, record.EventTime.Ticks);
            return new SourceRecord(record.Payload, new RecordOrigin(Name, ++number));
        }
    }
}
