using System.CommandLine;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Actors.Detection.Parsing;
using Actors.Ingestor.Cluster;
using Actors.Ingestor.Commands;
using Actors.Ingestor.Kinesis;
using Actors.Ingestor.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Benchmarks.Latency;

/// <summary>
/// <c>alert-latency --input FILE [--seconds 60] [--page 10000]</c>: reads the file's records into a new embedded silo
/// through an <see cref="IngestPipeline"/> as a Kinesis shard reader does (pages of up to <c>--page</c> records, each
/// sent and judged before the next, checkpoints when due), first as fast as the grains take them, which gives the
/// maximum ingest rate, then, through another new silo, at half that rate (every Kinesis poll interval the records due
/// by then) for <c>--seconds</c>, and prints the percentiles of <see cref="AlertLatencyMetrics"/>: from reading a record
/// to the notifier accepting an alert its reading caused.
/// </summary>
public static class AlertLatencyCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "NDJSON readings (see the generate command)", Required = true };
        var seconds = new Option<double>("--seconds") { Description = "Wall seconds of each phase", DefaultValueFactory = _ => 60 };
        var page = new Option<int>("--page") { Description = "Most records per page (Kinesis:MaxRecordsPerCall)", DefaultValueFactory = _ => new KinesisIngestOptions().MaxRecordsPerCall };
        var command = new Command("alert-latency", "Read-to-alert-accepted latency at half the maximum ingest rate, through an embedded silo")
        {
            input, seconds, page,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(input)!, result.GetValue(seconds), result.GetValue(page), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string input, double seconds, int page, CancellationToken cancellationToken)
    {
        if (!File.Exists(input))
        {
            await Console.Error.WriteLineAsync($"error: file not found: {input}");
            return ExitCodes.InputNotFound;
        }
        Console.WriteLine(MachineInfo.Describe());
        var duration = TimeSpan.FromSeconds(seconds);
        var full = await FeedAsync(input, page, duration, rate: null, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"maximum: {full.Describe()}"));
        var half = await FeedAsync(input, page, duration, rate: full.Rate / 2, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"half ({full.Rate / 2:0} records/s offered): {half.Describe()}"));
        return ExitCodes.Success;
    }

    /// <summary>Reads records for <paramref name="duration"/>, at <paramref name="rate"/> records per second or as fast as the grains take them.</summary>
    private static async Task<FeedResult> FeedAsync(string input, int page, TimeSpan duration, double? rate, CancellationToken cancellationToken)
    {
        var configuration = IngestorConfiguration.Load();
        await using var cluster = await ClusterConnection.StartAsync(
            configuration, embedded: true, logging => IngestorConfiguration.ConsoleToStderr(logging, configuration), cancellationToken);
        using var latency = new AlertLatencyMetrics(cluster.Services.GetRequiredService<IMeterFactory>(), TimeProvider.System);
        var latencies = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == AlertLatencyMetrics.MeterName && instrument.Name == AlertLatencyMetrics.InstrumentName)
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (latencies)
            {
                latencies.Add(value);
            }
        });
        listener.Start();

        var parser = IngestorConfiguration.CreateParser(configuration);
        var rejections = new RejectionLog(cluster.Services.GetRequiredService<ILoggerFactory>().CreateLogger<RejectionLog>());
        var pipeline = new IngestPipeline(
            cluster.Grains, parser, rejections, page, IngestorConfiguration.Checkpoints(configuration), TimeProvider.System, "alert-latency/shard-0", latency: latency);
        var poll = new KinesisIngestOptions().PollInterval;
        await using var stream = File.OpenRead(input);
        var records = new NdjsonSource(stream, Path.GetFileName(input), parser.MaxRecordBytes).ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var clock = Stopwatch.StartNew();
        long read = 0;
        while (clock.Elapsed < duration)
        {
            var due = rate is { } perSecond ? (long)(clock.Elapsed.TotalSeconds * perSecond) - read : page;
            if (due <= 0)
            {
                await Task.Delay(poll, cancellationToken);
                continue;
            }
            var inPage = 0;
            while (inPage < Math.Min(due, page) && await records.MoveNextAsync())
            {
                await pipeline.AddAsync(records.Current);
                inPage++;
            }
            if (inPage == 0)
            {
                break;
            }
            read += inPage;
            await pipeline.FlushAsync();
            if (pipeline.CheckpointDue)
            {
                (await pipeline.CheckpointAsync()).ThrowIfBehind();
            }
        }
        var elapsed = clock.Elapsed;
        await records.DisposeAsync();
        listener.Dispose();
        return new FeedResult(pipeline.Summary.Records, pipeline.Summary.Accepted, elapsed, [.. latencies.Order()]);
    }

    private sealed record FeedResult(long Records, long Accepted, TimeSpan Elapsed, double[] Latencies)
    {
        /// <summary>Records read per second.</summary>
        public double Rate => Records / Elapsed.TotalSeconds;

        public string Describe()
        {
            var rate = string.Create(CultureInfo.InvariantCulture, $"{Records} records ({Accepted} readings) in {Elapsed.TotalSeconds:0.0} s = {Rate:0} records/s; {Latencies.Length} alerts, read-to-accepted latency ");
            return rate + (Latencies.Length == 0
                ? "n/a"
                : string.Create(CultureInfo.InvariantCulture, $"p50 {Percentile(0.50) * 1000:0.0} ms, p99 {Percentile(0.99) * 1000:0.0} ms, max {Latencies[^1] * 1000:0.0} ms"));
        }

        private double Percentile(double p) => Latencies[Math.Min(Latencies.Length - 1, (int)Math.Ceiling(p * Latencies.Length) - 1)];
    }
}
