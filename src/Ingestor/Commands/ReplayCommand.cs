using System.CommandLine;
using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;
using Actors.Ingestor.Cluster;
using Actors.Ingestor.DeadLetters;
using Actors.Ingestor.Kinesis;
using Actors.Ingestor.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Ingestor.Commands;

/// <summary><c>replay --input FILE|- [--limits FILE] [--alerts OUT|-]</c>: the backtest tool.</summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "NDJSON readings, in file order; '-' reads standard input", Required = true };
        var limits = new Option<string?>("--limits") { Description = "Baseline NDJSON of control limits to import first" };
        var alerts = new Option<string?>("--alerts") { Description = "Write every anomaly as one JSON line here; '-' is standard output" };
        var deadLetters = new Option<string?>("--dead-letters") { Description = "Append every rejected line (file, line, reason, its bytes in base64) here as NDJSON" };
        var batchSize = new Option<int?>("--batch-size") { Description = "Most readings per batch (default Ingestor:BatchSize, 256000)" };
        var command = new Command("replay", HelpText.WithExamples(
            "Feed an NDJSON file through the grains with event time and write every anomaly",
            "replay --input readings.ndjson --alerts alerts.ndjson",
            "replay --input - --limits baseline.ndjson --alerts - < readings.ndjson",
            "replay --input readings.ndjson --dead-letters rejected.ndjson")) { input, limits, alerts, deadLetters, batchSize };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(input)!, result.GetValue(limits), result.GetValue(alerts), result.GetValue(deadLetters), result.GetValue(batchSize), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string inputPath, string? limitsPath, string? alertsPath, string? deadLettersPath, int? batchSize, CancellationToken cancellationToken)
    {
        foreach (var path in new[] { inputPath, limitsPath }.Where(p => p is not null && p != "-" && !File.Exists(p)))
        {
            await Console.Error.WriteLineAsync($"error: file not found: {path}");
            return ExitCodes.InputNotFound;
        }
        var configuration = IngestorConfiguration.Load();
        var settings = configuration.GetSection(IngestorOptions.SectionName).Get<IngestorOptions>() ?? new IngestorOptions();
        await using var cluster = await ClusterCommand.ConnectAsync(configuration, settings, cancellationToken);
        if (cluster is null)
        {
            return ExitCodes.ClusterUnreachable;
        }
        var loggers = cluster.Services.GetRequiredService<ILoggerFactory>();
        if (limitsPath is not null)
        {
            try
            {
                var (imported, rejectedLimits) = await new LimitsImporter(cluster.Grains, loggers.CreateLogger<LimitsImporter>()).ImportAsync(limitsPath, cancellationToken);
                await Console.Error.WriteLineAsync($"limits: imported {imported}, rejected {rejectedLimits} from {limitsPath}");
            }
            catch (AdminAccessDeniedException ex)
            {
                await Console.Error.WriteLineAsync($"error: importing limits was refused by the cluster ({ex.Message}); set Admin__Secret to the cluster's admin secret");
                return ExitCodes.Refused;
            }
        }
        var parser = IngestorConfiguration.CreateParser(configuration);
        var rejections = new RejectionLog(loggers.CreateLogger<RejectionLog>());
        await using var deadLetters = deadLettersPath is null ? null : new DeadLetterFile(deadLettersPath);
        var runner = new ReplayRunner(cluster.Grains, parser, rejections, batchSize ?? settings.BatchSize, IngestorConfiguration.Checkpoints(configuration))
        {
            DeadLetters = deadLetters,
        };

        await using var inputStream = inputPath == "-" ? Console.OpenStandardInput() : File.OpenRead(inputPath);
        await using var alertsWriter = alertsPath switch
        {
            null => null,
            "-" => new StreamWriter(Console.OpenStandardOutput()),
            _ => new StreamWriter(alertsPath),
        };
        var summary = await runner.RunAsync(inputStream, inputPath == "-" ? "stdin" : Path.GetFileName(inputPath), alertsWriter, cancellationToken);
        await Console.Error.WriteLineAsync($"replay: {summary}");
        if (StorageWritesReport.Describe(cluster, summary.Accepted) is { } writes)
        {
            await Console.Error.WriteLineAsync(writes);
        }
        await Console.Error.WriteLineAsync($"rejected by reason: {string.Join(", ", rejections.Counts.Select(c => $"{c.Key} {c.Value}"))}");
        if (deadLetters is not null)
        {
            await Console.Error.WriteLineAsync($"dead letters: {deadLetters.Written} -> {deadLetters.Path}");
        }
        return ExitCodes.Success;
    }
}
