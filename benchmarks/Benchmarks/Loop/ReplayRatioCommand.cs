using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Actors.Benchmarks.Replay;
using Actors.Ingestor.Commands;

namespace Actors.Benchmarks.Loop;

/// <summary>
/// <c>replay-ratio --input FILE [--runs 3] [--batch-size N]</c>: per run, the <see cref="SingleThreadedLoop"/> and then
/// the <c>replay</c> command's path through a new embedded silo (<see cref="EmbeddedReplay"/>) read the same file;
/// prints both rates (accepted readings per second of wall time), their ratio, and whether both wrote the same alerts.
/// </summary>
public static class ReplayRatioCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "NDJSON readings (see the generate command)", Required = true };
        var runs = new Option<int>("--runs") { Description = "Loop and replay pairs", DefaultValueFactory = _ => 3 };
        var batchSize = new Option<int?>("--batch-size") { Description = "Most readings per replay batch (default Ingestor:BatchSize, 256000)" };
        var command = new Command("replay-ratio", "Rate of replay through an embedded silo against a single-threaded loop with the same rules, on one file")
        {
            input, runs, batchSize,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(input)!, result.GetValue(runs), result.GetValue(batchSize), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string input, int runs, int? batchSize, CancellationToken cancellationToken)
    {
        if (!File.Exists(input))
        {
            await Console.Error.WriteLineAsync($"error: file not found: {input}");
            return ExitCodes.InputNotFound;
        }
        if (runs < 1)
        {
            await Console.Error.WriteLineAsync("error: --runs must be at least 1");
            return ExitCodes.Failure;
        }
        var loopAlerts = Path.Combine(Path.GetTempPath(), $"replay-ratio-{Guid.NewGuid():N}.loop.ndjson");
        var replayAlerts = Path.ChangeExtension(loopAlerts, ".replay.ndjson");
        try
        {
            Console.WriteLine(MachineInfo.Describe());
            var ratios = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                var loop = await LoopOnceAsync(input, loopAlerts, cancellationToken);
                var replay = await EmbeddedReplay.RunAsync(input, replayAlerts, batchSize, cancellationToken);
                var same = SameAlerts(loopAlerts, replayAlerts);
                ratios.Add(replay.Rate / loop.Rate);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: loop {loop.Wall.TotalSeconds:0.00} s wall, {loop.Cpu.TotalSeconds:0.00} s CPU, {loop.Rate:0} readings/s ({loop.Summary.Accepted} accepted, {loop.Summary.Anomalies} alerts); "
                    + $"replay {replay.Wall.TotalSeconds:0.00} s wall, {replay.Cpu.TotalSeconds:0.00} s CPU, {replay.Gc}, {replay.Rate:0} readings/s ({replay.Summary.Accepted} accepted, {replay.Summary.AnomalyCount} alerts, "
                    + $"silo start {replay.SiloStart.TotalSeconds:0.00} s); ratio {replay.Rate / loop.Rate:0.00} (CPU time {loop.Cpu / replay.Cpu:0.00}); same alerts: {(same ? "yes" : "NO")}"));
                if (!same)
                {
                    await Console.Error.WriteLineAsync($"error: the loop and the replay wrote different alerts ({loopAlerts}, {replayAlerts})");
                    return ExitCodes.Failure;
                }
            }
            var sorted = ratios.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"replay-ratio: {runs} runs, replay / loop median {sorted[sorted.Length / 2]:0.00}, best {sorted[^1]:0.00}, worst {sorted[0]:0.00}"));
            File.Delete(loopAlerts);
            File.Delete(replayAlerts);
            return ExitCodes.Success;
        }
        catch
        {
            File.Delete(loopAlerts);
            File.Delete(replayAlerts);
            throw;
        }
    }

    private static async Task<(LoopSummary Summary, TimeSpan Wall, TimeSpan Cpu, double Rate)> LoopOnceAsync(string input, string alerts, CancellationToken cancellationToken)
    {
        var configuration = IngestorConfiguration.Load();
        var loop = new SingleThreadedLoop(configuration, IngestorConfiguration.CreateParser(configuration));
        var cpu = CpuClock.Start();
        var clock = Stopwatch.StartNew();
        LoopSummary summary;
        await using (var stream = File.OpenRead(input))
        await using (var writer = new StreamWriter(alerts))
        {
            summary = await loop.RunAsync(stream, writer, cancellationToken);
        }
        return (summary, clock.Elapsed, cpu.Elapsed, summary.Accepted / clock.Elapsed.TotalSeconds);
    }

    /// <summary>Whether both files hold the same alert lines, whatever their order (devices are judged in parallel in a replay).</summary>
    private static bool SameAlerts(string a, string b)
    {
        var left = File.ReadAllLines(a);
        var right = File.ReadAllLines(b);
        Array.Sort(left, StringComparer.Ordinal);
        Array.Sort(right, StringComparer.Ordinal);
        return left.SequenceEqual(right, StringComparer.Ordinal);
    }
}
