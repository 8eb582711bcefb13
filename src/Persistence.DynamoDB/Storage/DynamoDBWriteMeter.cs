using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Actors.Persistence.DynamoDB;

/// <summary>
/// Counts what the DynamoDB grain storage providers of one silo write, by grain type: as metrics on the meter
/// <see cref="MeterName"/> (for OpenTelemetry) and as running totals (<see cref="ByGrainType"/>, <see cref="Total"/>) for
/// the ingestor's summary, benchmarks and tests. One per service provider.
/// </summary>
public sealed class DynamoDBWriteMeter
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Actors.Persistence.DynamoDB";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _itemBytes;
    private readonly Counter<long> _writeUnits;
    private readonly ConcurrentDictionary<string, Tally> _tallies = new();

    /// <summary>Creates the instruments on a meter of <paramref name="meters"/>.</summary>
    /// <param name="meters">The service provider's meter factory.</param>
    public DynamoDBWriteMeter(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("dynamodb.storage.write_requests", "{request}", "Put and delete requests of grain states, by grain type and operation");
        _itemBytes = meter.CreateCounter<long>("dynamodb.storage.item_bytes", "By", "Billed item bytes of those requests (the larger of old and new item for a put)");
        _writeUnits = meter.CreateCounter<long>("dynamodb.storage.write_units", "{WRU}", "Write request units of those requests: 1 per started KB per item");
    }

    /// <summary>The totals so far, by grain type (<c>device</c>, <c>product</c>, <c>notifier</c>, <c>alert-segment</c>, ...).</summary>
    public IReadOnlyDictionary<string, DynamoDBWrites> ByGrainType =>
        _tallies.ToDictionary(tally => tally.Key, tally => tally.Value.Snapshot());

    /// <summary>The totals so far over every grain type.</summary>
    public DynamoDBWrites Total => _tallies.Values.Aggregate(DynamoDBWrites.None, (total, tally) => total + tally.Snapshot());

    /// <summary>Counts one write request of an item of <paramref name="billedItemBytes"/> bytes.</summary>
    /// <param name="grainType">The grain type whose state was written.</param>
    /// <param name="operation"><c>put</c> or <c>delete</c>.</param>
    /// <param name="billedItemBytes">The item size DynamoDB bills the request by.</param>
    public void Count(string grainType, string operation, int billedItemBytes)
    {
        var units = DynamoDBItemSize.WriteUnits(billedItemBytes);
        _tallies.GetOrAdd(grainType, static _ => new Tally()).Add(billedItemBytes, units);
        var tags = new TagList { { "grain_type", grainType }, { "operation", operation } };
        _requests.Add(1, tags);
        _itemBytes.Add(billedItemBytes, tags);
        _writeUnits.Add(units, tags);
    }

    private sealed class Tally
    {
        private long _requests;
        private long _itemBytes;
        private long _writeUnits;

        public void Add(int itemBytes, int units)
        {
            Interlocked.Increment(ref _requests);
            Interlocked.Add(ref _itemBytes, itemBytes);
            Interlocked.Add(ref _writeUnits, units);
        }

        public DynamoDBWrites Snapshot() =>
            new(Interlocked.Read(ref _requests), Interlocked.Read(ref _itemBytes), Interlocked.Read(ref _writeUnits));
    }
}
