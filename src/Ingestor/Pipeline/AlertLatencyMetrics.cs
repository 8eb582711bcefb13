using System.Diagnostics.Metrics;

namespace Actors.Ingestor.Pipeline;

/// <summary>
/// The ingest pipeline's latency histogram <see cref="InstrumentName"/> (meter <see cref="MeterName"/>): from the moment
/// the pipeline read a record to the moment the notifier accepted an alert its reading caused, i.e. the device grain's
/// <c>Judge</c> returned. With <c>Notifier:CommitInterval</c> above zero (default 1 s) the notifier has then queued the
/// alert, not committed it: it becomes durable, and deliverable, within that interval after (with zero, it is durable
/// when <c>Judge</c> returns). Times come from <see cref="TimeProvider"/>.
/// </summary>
public sealed class AlertLatencyMetrics : IDisposable
{
    /// <summary>The meter's name, for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "Actors.Ingestor";

    /// <summary>The histogram's name.</summary>
    public const string InstrumentName = "ingestor.alert_latency";

    private readonly Meter _meter;
    private readonly Histogram<double> _latency;
    private readonly TimeProvider _time;

    /// <summary>Creates the histogram on a meter from <paramref name="meterFactory"/>.</summary>
    public AlertLatencyMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _time = time;
        _meter = meterFactory.Create(MeterName);
        _latency = _meter.CreateHistogram<double>(
            InstrumentName, unit: "s", description: "From reading a record to the notifier accepting (queuing) an alert its reading caused; committed and deliverable within Notifier:CommitInterval after");
    }

    /// <summary>A timestamp of now, to note when a record was read.</summary>
    public long Now() => _time.GetTimestamp();

    /// <summary>Records the latency of one alert accepted now, caused by the reading of a record read at <paramref name="readAt"/> (<see cref="Now"/>).</summary>
    public void AlertAccepted(long readAt) => _latency.Record(_time.GetElapsedTime(readAt).TotalSeconds);

    public void Dispose() => _meter.Dispose();
}
