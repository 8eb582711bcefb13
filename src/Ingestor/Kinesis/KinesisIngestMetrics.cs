using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Actors.Detection.Parsing;

namespace Actors.Ingestor.Kinesis;

/// <summary>The Kinesis ingest's instruments (meter <see cref="MeterName"/>), each tagged with the shard.</summary>
public sealed class KinesisIngestMetrics : IDisposable
{
    /// <summary>The meter's name, for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "Actors.Ingestor";

    private readonly Meter _meter;
    private readonly Counter<long> _recordsRead;
    private readonly Counter<long> _recordsRejected;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _checkpoints;
    private readonly Counter<long> _rewinds;
    private readonly Counter<long> _stateWrites;
    private readonly ConcurrentDictionary<string, long> _millisBehind = new(StringComparer.Ordinal);

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public KinesisIngestMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _recordsRead = _meter.CreateCounter<long>("ingestor.kinesis.records_read", description: "Records read from Kinesis");
        _recordsRejected = _meter.CreateCounter<long>("ingestor.kinesis.records_rejected", description: "Records that were not readings, by reason; written to the dead-letter file");
        _throttled = _meter.CreateCounter<long>("ingestor.kinesis.throttled", description: "GetRecords calls throttled after the client's retries");
        _checkpoints = _meter.CreateCounter<long>("ingestor.kinesis.checkpoints", description: "Checkpoints accepted by the lease grain");
        _rewinds = _meter.CreateCounter<long>("ingestor.kinesis.rewinds", description: "Times a shard was read again from its checkpoint after a failed batch or a grain that lost its state");
        _stateWrites = _meter.CreateCounter<long>("ingestor.kinesis.state_writes", description: "Grain states written at the shards' checkpoints");
        _meter.CreateObservableGauge("ingestor.kinesis.millis_behind_latest", ObserveMillisBehind, unit: "ms", description: "How far each shard's reader is behind the newest record");
    }

    /// <summary>The latest MillisBehindLatest of every shard read here.</summary>
    public IReadOnlyDictionary<string, long> MillisBehind => new Dictionary<string, long>(_millisBehind, StringComparer.Ordinal);

    /// <summary>Counts records read from a shard (<c>ingestor.kinesis.records_read</c>).</summary>
    public void RecordsRead(string shardId, int count) => _recordsRead.Add(count, Shard(shardId));

    /// <summary>Counts a record that was not a reading (<c>ingestor.kinesis.records_rejected</c>, tagged with the reason).</summary>
    public void Rejected(string shardId, RejectReason reason) =>
        _recordsRejected.Add(1, Shard(shardId), new KeyValuePair<string, object?>("reason", reason.ToString()));

    /// <summary>Counts a GetRecords call still throttled after the client's retries (<c>ingestor.kinesis.throttled</c>).</summary>
    public void Throttled(string shardId) => _throttled.Add(1, Shard(shardId));

    /// <summary>Counts a checkpoint the lease grain accepted (<c>ingestor.kinesis.checkpoints</c>).</summary>
    public void Checkpointed(string shardId) => _checkpoints.Add(1, Shard(shardId));

    /// <summary>Sets the shard's <c>ingestor.kinesis.millis_behind_latest</c> gauge to the latest GetRecords answer.</summary>
    public void Rewound(string shardId) => _rewinds.Add(1, Shard(shardId));

    public void StateWrites(string shardId, int writes) => _stateWrites.Add(writes, Shard(shardId));

    public void MillisBehindLatest(string shardId, long millis) => _millisBehind[shardId] = millis;

    /// <summary>The shard is no longer read here: its gauge stops reporting.</summary>
    public void ShardStopped(string shardId) => _millisBehind.TryRemove(shardId, out _);

    /// <summary>Disposes the meter.</summary>
    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> ObserveMillisBehind() =>
        _millisBehind.Select(entry => new Measurement<long>(entry.Value, Shard(entry.Key)));

    private static KeyValuePair<string, object?> Shard(string shardId) => new("shard", shardId);
}
