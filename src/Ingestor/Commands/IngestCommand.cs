using System.CommandLine;
using Actors.Aws;
using Actors.Aws.Kinesis;
using Actors.Hosting.CommandLine;
using Actors.Ingestor.Cluster;
using Actors.Ingestor.DeadLetters;
using Actors.Ingestor.Kinesis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Ingestor.Commands;

/// <summary>
/// <c>ingest --stream NAME</c>: reads a Kinesis stream with leases and checkpoints until Ctrl+C. The ingest runs as a
/// hosted service in the same Generic Host as the embedded silo or the cluster client.
/// </summary>
public static class IngestCommand
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    public static Command Create()
    {
        var stream = new Option<string?>("--stream") { Description = "Kinesis stream to read (default Kinesis:StreamName)" };
        var workerId = new Option<string?>("--worker-id") { Description = "This ingestor's ID among the stream's workers (default Kinesis:WorkerId, else host-pid-random)" };
        var progress = DurationOption.WithDefault("--progress", "How often a progress line goes to stderr", TimeSpan.FromSeconds(5));
        var stopWhenIdle = DurationOption.Optional("--stop-when-idle", "Stop once no record has been read or dispatched for this long (catch-up runs, benchmarks); default: run until Ctrl+C");
        var command = new Command("ingest", HelpText.WithExamples(
            "Read readings from a Kinesis stream, sharing its shards with the other ingestors, and judge them in the cluster",
            "ingest --stream readings",
            "ingest --stream readings --stop-when-idle 5s --progress 10s"))
        {
            stream, workerId, progress, stopWhenIdle,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(stream), result.GetValue(workerId), result.GetValue(progress), result.GetValue(stopWhenIdle), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? stream, string? workerId, TimeSpan progressInterval, TimeSpan? stopWhenIdle, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?>();
        if (stream is not null)
        {
            overrides[$"{KinesisIngestOptions.SectionName}:{nameof(KinesisIngestOptions.StreamName)}"] = stream;
        }
        if (workerId is not null)
        {
            overrides[$"{KinesisIngestOptions.SectionName}:{nameof(KinesisIngestOptions.WorkerId)}"] = workerId;
        }
        var configuration = IngestorConfiguration.Load(overrides);
        var settings = configuration.GetSection(IngestorOptions.SectionName).Get<IngestorOptions>() ?? new IngestorOptions();

        Cluster.ClusterConnection? cluster;
        try
        {
            cluster = await ClusterCommand.ConnectAsync(configuration, settings, serveHealth: true, AddIngest, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"error: {string.Join(" ", ex.Failures)}");
            return ExitCodes.InvalidConfiguration;
        }
        if (cluster is null)
        {
            return ExitCodes.ClusterUnreachable;
        }
        await using (cluster)
        {
            var services = cluster.Services;
            var options = services.GetRequiredService<IOptions<KinesisIngestOptions>>().Value;
            var worker = services.GetRequiredService<KinesisIngestWorker>();
            var deadLetters = services.GetRequiredService<DeadLetterFile>();
            var metrics = services.GetRequiredService<KinesisIngestMetrics>();
            var run = services.GetServices<IHostedService>().OfType<KinesisIngestService>().Single().ExecuteTask!;
            await Console.Error.WriteLineAsync(
                $"ingest: worker {worker.WorkerId} reading stream {options.StreamName} into "
                + (cluster.Embedded ? "an embedded silo (leases and checkpoints live in this process)" : "the configured cluster")
                + (stopWhenIdle is { } idle ? $"; stops after {idle.TotalSeconds:0.#} s without records" : "; Ctrl+C stops"));

            var started = DateTimeOffset.UtcNow;
            var lastProgress = started;
            var lastRecords = 0L;
            Task? stopping = null;
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(Tick, CancellationToken.None));
                var now = DateTimeOffset.UtcNow;
                if (stopping is null && (cancellationToken.IsCancellationRequested || (stopWhenIdle is { } idleLimit && now - (worker.LastActivityAt ?? started) >= idleLimit)))
                {
                    stopping = cluster.StopAsync();
                }
                if (now - lastProgress >= progressInterval)
                {
                    var records = worker.Summary.Records;
                    var behind = metrics.MillisBehind;
                    await Console.Error.WriteLineAsync(
                        $"ingest {now:HH:mm:ss}: records {records} ({(records - lastRecords) / (now - lastProgress).TotalSeconds:0}/s), accepted {worker.Summary.Accepted}, "
                        + $"rejected {worker.Summary.Rejected}, duplicates {worker.Summary.Duplicates}, alerts {worker.Summary.AnomalyCount}, "
                        + $"shards [{string.Join(",", worker.OwnedShards)}], behind max {(behind.Count == 0 ? 0 : behind.Values.Max())} ms");
                    lastProgress = now;
                    lastRecords = records;
                }
            }
            try
            {
                await run;
            }
            catch (AwsServiceException ex)
            {
                await Console.Error.WriteLineAsync($"error: cannot read stream {options.StreamName}: {ex.Message}");
                return ExitCodes.Failure;
            }
            finally
            {
                await (stopping ?? cluster.StopAsync());
            }
            await Console.Error.WriteLineAsync($"ingest: {worker.Summary}");
            if (StorageWritesReport.Describe(cluster, worker.Summary.Accepted) is { } writes)
            {
                await Console.Error.WriteLineAsync(writes);
            }
            await Console.Error.WriteLineAsync($"rejected by reason: {string.Join(", ", worker.Rejections.Counts.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value}"))}");
            await Console.Error.WriteLineAsync($"dead letters: {deadLetters.Written} -> {deadLetters.Path}");
            if (worker.FirstRecordAt is { } first && worker.LastBatchAt is { } last && last > first)
            {
                await Console.Error.WriteLineAsync(
                    $"ingested {worker.Summary.Records} records in {(last - first).TotalSeconds:0.00} s from the first record read to the last batch checkpointed: {worker.Summary.Records / (last - first).TotalSeconds:0} records/s");
            }
        }
        return ExitCodes.Success;

        void AddIngest(IHostApplicationBuilder builder)
        {
            builder.Services.Configure<HostOptions>(host => host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
            // The command reports a failed start or a failed worker itself, as one line and an exit code.
            builder.Logging.AddFilter(typeof(Host).Namespace + ".Internal.Host", LogLevel.Critical);
            builder.Services.AddKinesisIngestService(builder.Configuration);
        }
    }
}
