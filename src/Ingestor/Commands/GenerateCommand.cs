using System.CommandLine;
using Actors.Hosting.CommandLine;
using Actors.Simulation;

namespace Actors.Ingestor.Commands;

/// <summary><c>generate --output FILE --devices N --days D --readings R</c>: a simulated NDJSON data set for replay.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output") { Description = "NDJSON file to write", Required = true };
        var devices = new Option<int>("--devices") { Description = "Number of devices", DefaultValueFactory = _ => 10 };
        var days = new Option<double>("--days") { Description = "Simulated days", DefaultValueFactory = _ => 4 };
        var readings = new Option<long>("--readings") { Description = "Approximate number of records", DefaultValueFactory = _ => 170_000 };
        var start = new Option<DateTime>("--start") { Description = "First event time (UTC)", DefaultValueFactory = _ => new DateTime(2026, 2, 14, 0, 0, 0, DateTimeKind.Utc) };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 42 };
        var command = new Command("generate", HelpText.WithExamples(
            "Write a simulated, time-ordered NDJSON data set (for replay and benchmarks)",
            "generate --output readings.ndjson",
            "generate --output small.ndjson --devices 3 --days 1 --readings 10000 --seed 7")) { output, devices, days, readings, start, seed };
        command.SetAction(async (result, cancellationToken) =>
        {
            var span = TimeSpan.FromDays(result.GetValue(days));
            var options = DatasetGenerator.ForTarget(result.GetValue(devices), span, result.GetValue(readings));
            options.Seed = result.GetValue(seed);
            await using var file = File.Create(result.GetValue(output)!);
            var startUtc = DateTime.SpecifyKind(result.GetValue(start), DateTimeKind.Utc);
            var summary = await DatasetGenerator.WriteNdjsonAsync(file, options, startUtc, span, cancellationToken);
            await Console.Error.WriteLineAsync($"generate: {summary.Records} records ({summary.Malformed} malformed) from {summary.Devices} devices over {span.TotalDays} days -> {result.GetValue(output)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
