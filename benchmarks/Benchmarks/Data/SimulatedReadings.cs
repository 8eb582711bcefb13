using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Actors.Simulation;

namespace Actors.Benchmarks.Data;

/// <summary>
/// An endless, deterministic stream of parsed readings from the simulator (no malformed records), handed out in
/// batches whose event times keep moving forward, so a device grain never sees a batch as duplicates.
/// </summary>
public sealed class SimulatedReadings : IDisposable
{
    /// <summary>First event time of every stream.</summary>
    public static readonly DateTime Start = new(2026, 2, 14, 0, 0, 0, DateTimeKind.Utc);

    private static readonly TimeSpan Endless = TimeSpan.FromDays(3650);

    private readonly IEnumerator<SimulatedRecord> _records;
    private readonly ReadingParser _parser = new(new ReadingParserOptions());

    /// <summary>
    /// The devices of <see cref="DatasetGenerator.ForTarget"/> for <paramref name="devices"/> devices, each reading
    /// every <paramref name="interval"/>.
    /// </summary>
    public SimulatedReadings(int devices, TimeSpan interval, int seed = 42)
    {
        var options = DatasetGenerator.ForTarget(devices, Endless, (long)(Endless / interval) * devices);
        options.Interval = interval;
        options.MalformedRate = 0;
        options.Seed = seed;
        _records = new ReadingSimulator(options).Generate(Start, Endless).GetEnumerator();
    }

    /// <summary>The next <paramref name="size"/> readings, in event-time order.</summary>
    public Reading[] NextBatch(int size)
    {
        var batch = new Reading[size];
        for (var i = 0; i < size; i++)
        {
            if (!_records.MoveNext())
            {
                throw new InvalidOperationException("The simulated stream ended.");
            }
            var outcome = _parser.Parse(_records.Current.Payload);
            batch[i] = outcome.Reading
                ?? throw new InvalidOperationException($"The parser rejected a simulated record: {outcome.Reason} {outcome.Detail}");
        }
        return batch;
    }

    /// <summary>Adds batches of <paramref name="size"/> readings to <paramref name="queue"/> until it holds <paramref name="count"/>.</summary>
    public void TopUp(Queue<Reading[]> queue, int count, int size)
    {
        ArgumentNullException.ThrowIfNull(queue);
        while (queue.Count < count)
        {
            queue.Enqueue(NextBatch(size));
        }
    }

    public void Dispose() => _records.Dispose();
}
