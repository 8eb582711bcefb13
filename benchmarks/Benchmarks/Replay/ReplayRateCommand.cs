using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Actors.Benchmarks.Data;
using Actors.Ingestor.Commands;
using Actors.Simulation;

namespace Actors.Benchmarks.Replay;

/// <summary>
/// <c>replay-rate [--readings 170000] [--days 4] [--devices 10] [--runs 3]</c>: writes the data set the
/// <c>generate</c> command writes with the same arguments to a temporary file, then replays it, once per run, through
/// a new embedded silo with the <see cref="Ingestor.Pipeline.ReplayRunner"/> of the <c>replay</c> command (alerts written to a file),
/// and prints the readings per second (wall clock) and per CPU-second (all threads of the process) of each run.
/// </summary>
public static class ReplayRateCommand
{
    public static Command Create()
    {
        var readings = new Option<long>("--readings") { Description = "Approximate number of records", DefaultValueFactory = _ => 170_000 };
        var days = new Option<double>("--days") { Description = "Simulated days", DefaultValueFactory = _ => 4 };
        var devices = new Option<int>("--devices") { Description = "Number of devices", DefaultValueFactory = _ => 10 };
        var runs = new Option<int>("--runs") { Description = "Replays, each through a new silo", DefaultValueFactory = _ => 3 };
        var batchSize = new Option<int?>("--batch-size") { Description = "Most readings per batch (default Ingestor:BatchSize, 256000)" };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 42 };
        var command = new Command("replay-rate", "Time the end-to-end replay of a generated data set through an embedded silo")
        {
            readings, days, devices, runs, batchSize, seed,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(readings), result.GetValue(days), result.GetValue(devices), result.GetValue(runs),
            result.GetValue(batchSize), result.GetValue(seed), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(long readings, double days, int devices, int runs, int? batchSize, int seed, CancellationToken cancellationToken)
    {
        if (runs < 1)
        {
            await Console.Error.WriteLineAsync("error: --runs must be at least 1");
            return ExitCodes.Failure;
        }
        var input = Path.Combine(Path.GetTempPath(), $"replay-rate-{Guid.NewGuid():N}.ndjson");
        var alerts = Path.ChangeExtension(input, ".alerts.ndjson");
        try
        {
            Console.WriteLine(MachineInfo.Describe());
            var span = TimeSpan.FromDays(days);
            var options = DatasetGenerator.ForTarget(devices, span, readings);
            options.Seed = seed;
            var clock = Stopwatch.StartNew();
            DatasetSummary dataset;
            await using (var file = File.Create(input))
            {
                dataset = await DatasetGenerator.WriteNdjsonAsync(file, options, SimulatedReadings.Start, span, cancellationToken);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"data set: {dataset.Records} records ({dataset.Malformed} malformed), {dataset.Devices} devices, {days} days, {new FileInfo(input).Length / 1e6:0.0} MB, generated in {clock.Elapsed.TotalSeconds:0.00} s"));

            var rates = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                rates.Add(await ReplayOnceAsync(run, input, alerts, batchSize, cancellationToken));
            }
            var sorted = rates.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"replay-rate: {runs} runs, median {sorted[sorted.Length / 2]:0} readings/s, best {sorted[^1]:0}, first (cold JIT) {rates[0]:0}"));
            return ExitCodes.Success;
        }
        finally
        {
            File.Delete(input);
            File.Delete(alerts);
        }
    }

    private static async Task<double> ReplayOnceAsync(int run, string input, string alerts, int? batchSize, CancellationToken cancellationToken)
    {
        var replay = await EmbeddedReplay.RunAsync(input, alerts, batchSize, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run {run}: silo start {replay.SiloStart.TotalSeconds:0.00} s, replay {replay.Wall.TotalSeconds:0.00} s wall, {replay.Cpu.TotalSeconds:0.00} s CPU; {replay.Rate:0} readings/s, {replay.Summary.Accepted / replay.Cpu.TotalSeconds:0} readings per CPU-second; {replay.Summary}"));
        return replay.Rate;
    }
}
