using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Actors.Ingestor.Pipeline;
using Actors.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Actors.Grains.Tests.Pipeline;

/// <summary>
/// Issue 7 item 6: <c>ingestor.alert_latency</c> records, for every alert, the time from the pipeline reading the record
/// whose reading caused it to the notifier accepting it. The clock is a <see cref="FakeTimeProvider"/> that stands still
/// while the grains work, so each latency is exactly how long before the flush its record was read.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AlertLatencyTests(ClusterFixture fixture) : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Each_alert_is_timed_from_the_read_of_its_own_record()
    {
        var first = TestReadings.UniqueId("latency-a");
        var second = TestReadings.UniqueId("latency-b");

        var latencies = await FeedAsync(
            (Record(first, second: 0, temperature: 20), After: TimeSpan.FromSeconds(2)),
            (Record(first, second: 1, temperature: 40), After: TimeSpan.FromSeconds(1)),
            (Record(first, second: 2, temperature: 21), After: TimeSpan.FromSeconds(2)),
            (Record(second, second: 0, temperature: 45), After: TimeSpan.FromSeconds(5)));

        Assert.Equal(new[] { 5.0, 8.0 }, latencies);
    }

    [Fact]
    public async Task A_record_the_grain_rejects_leaves_the_read_times_of_the_others_with_them()
    {
        var device = TestReadings.UniqueId("latency-c");

        var latencies = await FeedAsync(
            (Record(device, second: 0, temperature: 20), After: TimeSpan.FromSeconds(1)),
            (Record(device, second: 1, temperature: 21, poison: true), After: TimeSpan.FromSeconds(1)),
            (Record(device, second: 2, temperature: 22), After: TimeSpan.FromSeconds(1)),
            (Record(device, second: 3, temperature: 41), After: TimeSpan.FromSeconds(3)),
            (Record(device, second: 4, temperature: 23), After: TimeSpan.FromSeconds(1)));

        Assert.Equal(new[] { 4.0 }, latencies);
    }

    /// <summary>
    /// Adds the records to a pipeline as a shard reader does, the clock moving on by each one's <c>After</c> once it is
    /// read; then flushes and answers the latencies recorded, in seconds, in ascending order.
    /// </summary>
    private async Task<double[]> FeedAsync(params (string Record, TimeSpan After)[] records)
    {
        await fixture.Grains.GetGrain<IRulesGrain>(RulesGrainKey.Default).Set(
            new DetectionRules { Thresholds = [new ThresholdRule { Metric = "temperature", Upper = 30 }] });
        var time = new FakeTimeProvider(TestReadings.Start);
        var meters = _services.GetRequiredService<IMeterFactory>();
        using var latency = new AlertLatencyMetrics(meters, time);
        var recorded = new ConcurrentQueue<double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == AlertLatencyMetrics.InstrumentName)
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => recorded.Enqueue(value));
        listener.Start();
        var pipeline = new IngestPipeline(
            fixture.Grains, new ReadingParser(new ReadingParserOptions()), new RejectionLog(NullLogger<RejectionLog>.Instance), batchSize: 100,
            new CheckpointOptions(), time, $"latency/{Guid.NewGuid():N}", latency: latency);

        for (var i = 0; i < records.Length; i++)
        {
            await pipeline.AddAsync(new SourceRecord(Encoding.UTF8.GetBytes(records[i].Record), new RecordOrigin("latency.ndjson", i + 1)));
            time.Advance(records[i].After);
        }
        await pipeline.FlushAsync();

        return [.. recorded.Select(seconds => Math.Round(seconds, 6)).Order()];
    }

    private static string Record(string device, int second, double temperature, bool poison = false) =>
        $$"""{"device_id": "{{device}}", "timestamp": "{{TestReadings.Start.AddSeconds(second):yyyy-MM-ddTHH:mm:ssZ}}", "temperature": {{temperature}}{{(poison ? $", \"{PoisonReadingFilter.Metric}\": 1" : "")}}}""";
}
