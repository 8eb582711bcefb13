using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Actors.Detection.Learned;
using Actors.Grains.Interfaces;

namespace Actors.Benchmarks.Nab;

/// <summary>
/// <c>nab --nab ../shared/nab [--name learned] [--threshold 0.5] [--quiet-readings 100]</c>: runs the learned rule
/// in this process over every NAB series (one fresh series state each), writes NAB's results files (the rule's score
/// at each reading that raised an anomaly, 0 elsewhere; a null detector beside it), and scores them with NAB's own
/// <c>run.py</c> (optimize, score, normalize), as <c>../shared/nab/score.py</c> does after a real replay. Prints the
/// standard, low-FP and low-FN scores, ns per reading and the serialized-free state size.
/// </summary>
public static class NabCommand
{
    private static readonly string[] Profiles = ["standard", "reward_low_FP_rate", "reward_low_FN_rate"];

    public static Command Create()
    {
        var nab = new Option<DirectoryInfo>("--nab") { Description = "NAB folder with data/, labels/combined_windows.json, run.py, config/profiles.json", Required = true };
        var name = new Option<string>("--name") { Description = "Detector name in NAB's results (letters and digits)", DefaultValueFactory = _ => "learned" };
        var threshold = new Option<double>("--threshold") { Description = "Rules:Learned:Threshold", DefaultValueFactory = _ => new LearnedSettings().Threshold };
        var quiet = new Option<int>("--quiet-readings") { Description = "Rules:Learned:QuietReadings", DefaultValueFactory = _ => new LearnedSettings().QuietReadings };
        var python = new Option<string>("--python") { Description = "Python with pandas for NAB's scorer", DefaultValueFactory = _ => "/usr/bin/python3" };
        var command = new Command("nab", "Score the learned detector on the Numenta Anomaly Benchmark, in process")
        {
            nab, name, threshold, quiet, python,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(nab)!, result.GetValue(name)!, result.GetValue(threshold), result.GetValue(quiet), result.GetValue(python)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo nab, string name, double threshold, int quiet, string python, CancellationToken cancellationToken)
    {
        if (name.Length == 0 || !name.All(char.IsAsciiLetterOrDigit))
        {
            await Console.Error.WriteLineAsync("error: --name must be letters and digits (NAB splits names at '_')");
            return 1;
        }

        var rule = new LearnedRule(new LearnedSettings { Enabled = true, Threshold = threshold, QuietReadings = quiet });
        var work = Path.Combine(Path.GetTempPath(), $"nab-{name}");
        var results = Path.Combine(work, "results");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        var readings = 0L;
        var alerts = 0;
        var clock = new Stopwatch();
        foreach (var series in NabSeries.ReadAll(nab.FullName))
        {
            var state = new LearnedSeries();
            var scores = new double[series.Values.Length];
            clock.Start();
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] = rule.Judge(state, series.Values[i]) ?? 0;
            }

            clock.Stop();
            readings += scores.Length;
            alerts += scores.Count(score => score > 0);
            series.WriteResults(results, name, scores);
            series.WriteResults(results, "null", new double[scores.Length]);
        }

        var thresholds = Path.Combine(work, "thresholds.json");
        await File.WriteAllTextAsync(thresholds, JsonSerializer.Serialize(new[] { "null", name }.ToDictionary(
            detector => detector,
            _ => Profiles.ToDictionary(profile => profile, _ => new Dictionary<string, double> { ["score"] = 0, ["threshold"] = 0.5 }))), cancellationToken);
        var scorer = new ProcessStartInfo(python)
        {
            ArgumentList =
            {
                Path.Combine(nab.FullName, "run.py"), "-d", $"null,{name}", "--optimize", "--score", "--normalize", "--skipConfirmation",
                "--dataDir", Path.Combine(nab.FullName, "data"), "--windowsFile", Path.Combine(nab.FullName, "labels", "combined_windows.json"),
                "--resultsDir", results, "-p", Path.Combine(nab.FullName, "config", "profiles.json"), "-t", thresholds, "-n", "1",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Console.WriteLine(string.Join(' ', [scorer.FileName, .. scorer.ArgumentList]));
        using var process = Process.Start(scorer)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var finals = output.Split('\n')
            .Where(line => line.StartsWith("Final score", StringComparison.Ordinal) && line.Contains($"'{name}'", StringComparison.Ordinal))
            .ToDictionary(line => line.Split('\'')[3], line => double.Parse(line[(line.LastIndexOf('=') + 1)..], CultureInfo.InvariantCulture));
        if (finals.Count != Profiles.Length)
        {
            await Console.Error.WriteLineAsync($"error: NAB's scorer failed:\n{output}\n{await stderr}");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"NAB {name} in process ({readings} readings, {alerts} alerts, threshold {threshold}, quiet {quiet}): standard {finals["standard"]:0.0}, low-FP {finals["reward_low_FP_rate"]:0.0}, low-FN {finals["reward_low_FN_rate"]:0.0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{clock.Elapsed.TotalNanoseconds / readings:0} ns per reading (whole corpus, one thread, includes JIT); results in {results}"));
        return 0;
    }
}
