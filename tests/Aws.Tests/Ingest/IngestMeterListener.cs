using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Actors.Ingestor.Kinesis;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Aws.Tests.Ingest;

/// <summary>Collects the ingest instruments of one worker's services (its own meter factory), so parallel tests do not mix.</summary>
public sealed class IngestMeterListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _millisBehind = new();
    private readonly ConcurrentDictionary<string, long> _counters = new();

    public IngestMeterListener(IServiceProvider services)
    {
        var scope = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KinesisIngestMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var shard = "";
            foreach (var tag in tags)
            {
                if (tag.Key == "shard")
                {
                    shard = tag.Value as string ?? "";
                }
            }
            if (instrument.Name == "ingestor.kinesis.millis_behind_latest")
            {
                _millisBehind[shard] = value;
            }
            else
            {
                _counters.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            }
        });
        _listener.Start();
    }

    /// <summary>The latest MillisBehindLatest per shard, observed now.</summary>
    public IReadOnlyDictionary<string, long> MillisBehind()
    {
        _millisBehind.Clear();
        _listener.RecordObservableInstruments();
        return new Dictionary<string, long>(_millisBehind);
    }

    /// <summary>The sum of a counter's measurements so far.</summary>
    public long Total(string instrument) => _counters.GetValueOrDefault(instrument);

    public void Dispose() => _listener.Dispose();
}
