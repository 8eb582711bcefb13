using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Actors.Grains.Interfaces;

namespace Actors.Grains;

/// <summary>The silo's OpenTelemetry instruments (meter <see cref="MeterName"/>).</summary>
public sealed class DetectionMetrics : IDisposable
{
    public const string MeterName = "Actors.Detection";

    private readonly Meter _meter;
    private readonly Counter<long> _readings;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _anomalies;
    private readonly Counter<long> _deliveryFailures;
    private readonly ConcurrentDictionary<long, int> _outboxDepths = new();
    private readonly ConcurrentDictionary<long, TimeSpan> _outboxAges = new();
    private readonly ConcurrentDictionary<GrainId, DateTime> _unwritable = new();

    public DetectionMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _readings = _meter.CreateCounter<long>("detection.readings.judged", description: "Readings judged by device grains");
        _duplicates = _meter.CreateCounter<long>("detection.readings.duplicate", description: "Readings dropped as duplicate or late");
        _anomalies = _meter.CreateCounter<long>("detection.anomalies", description: "Anomalies recorded, by type");
        _deliveryFailures = _meter.CreateCounter<long>("detection.notifier.delivery_failures", description: "Failed deliveries to a sink");
        _meter.CreateObservableGauge("detection.notifier.outbox_depth", () => _outboxDepths.Values.Sum(), description: "Notifications waiting for a sink");
        _meter.CreateObservableGauge("detection.state.unwritable", () => _unwritable.Count, description: "Grains of this silo whose state cannot be written (kept in memory, retried at each checkpoint)");
        _meter.CreateObservableGauge("detection.notifier.oldest_undelivered", () => OldestUndelivered.TotalSeconds, unit: "s", description: "Age of the oldest notification waiting for a sink on this silo");
    }

    public void Judged(int accepted, int duplicates)
    {
        _readings.Add(accepted);
        _duplicates.Add(duplicates);
    }

    public void AnomalyRecorded(AnomalyType type) => _anomalies.Add(1, new KeyValuePair<string, object?>("type", type.ToString()));

    public void DeliveryFailed(string sink) => _deliveryFailures.Add(1, new KeyValuePair<string, object?>("sink", sink));

    /// <summary>Age of the oldest notification waiting for a sink in any notifier shard of this silo.</summary>
    public TimeSpan OldestUndelivered => _outboxAges.Values.DefaultIfEmpty(TimeSpan.Zero).Max();

    public void OutboxDepth(long shard, int depth, TimeSpan oldest)
    {
        _outboxDepths[shard] = depth;
        _outboxAges[shard] = oldest;
    }

    /// <summary>Grains of this silo whose last write failed with an error that recurs, and since when (UTC).</summary>
    public IReadOnlyDictionary<GrainId, DateTime> UnwritableStates => _unwritable;

    public void StateUnwritable(GrainId grain, DateTime utcNow) => _unwritable.TryAdd(grain, utcNow);

    public void StateWritable(GrainId grain) => _unwritable.TryRemove(grain, out _);

    public void Dispose() => _meter.Dispose();
}
