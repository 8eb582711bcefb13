using System.Diagnostics;
using Actors.Detection.Parsing;
using Actors.Ingestor;
using Actors.Ingestor.Cluster;
using Actors.Ingestor.Commands;
using Actors.Ingestor.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Benchmarks.Replay;

/// <summary>
/// One replay of an NDJSON file as the <c>replay</c> command runs it: a new embedded silo (in-memory state), the
/// ingestor's configuration, the <see cref="ReplayRunner"/>, every anomaly written to a file.
/// </summary>
public static class EmbeddedReplay
{
    /// <summary>Starts a silo, replays <paramref name="input"/> (timed without the silo start) and stops the silo.</summary>
    public static async Task<ReplayMeasurement> RunAsync(string input, string alerts, int? batchSize, CancellationToken cancellationToken)
    {
        var configuration = IngestorConfiguration.Load();
        var settings = configuration.GetSection(IngestorOptions.SectionName).Get<IngestorOptions>() ?? new IngestorOptions();
        var clock = Stopwatch.StartNew();
        await using var cluster = await ClusterConnection.StartAsync(
            configuration, embedded: true, logging => IngestorConfiguration.ConsoleToStderr(logging, configuration), cancellationToken);
        var started = clock.Elapsed;

        var loggers = cluster.Services.GetRequiredService<ILoggerFactory>();
        var parser = IngestorConfiguration.CreateParser(configuration);
        var rejections = new RejectionLog(loggers.CreateLogger<RejectionLog>());
        var runner = new ReplayRunner(cluster.Grains, parser, rejections, batchSize ?? settings.BatchSize, IngestorConfiguration.Checkpoints(configuration));
        var cpu = CpuClock.Start();
        var gc = GcClock.Start();
        clock.Restart();
        RunSummary summary;
        await using (var stream = File.OpenRead(input))
        await using (var writer = new StreamWriter(alerts))
        {
            summary = await runner.RunAsync(stream, Path.GetFileName(input), writer, cancellationToken);
        }
        return new ReplayMeasurement(summary, started, clock.Elapsed, cpu.Elapsed, gc.Describe());
    }
}
