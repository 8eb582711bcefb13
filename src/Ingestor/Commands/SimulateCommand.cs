using System.CommandLine;
using Actors.Detection.Parsing;
using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;
using Actors.Ingestor.Display;
using Actors.Ingestor.Kinesis;
using Actors.Ingestor.Pipeline;
using Actors.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Actors.Ingestor.Commands;

/// <summary><c>simulate [--duration D] [--speed X] [--to grains|kinesis --stream NAME]</c>: the main job on embedded defaults.</summary>
public static class SimulateCommand
{
    /// <summary>The file in the temporary directory that takes the log while the live display owns the terminal.</summary>
    public const string LogFileName = "actors-simulate.log";

    private static readonly TimeSpan LiveRefresh = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PlainRefresh = TimeSpan.FromSeconds(2);

    public static Command Create()
    {
        var duration = DurationOption.Optional("--duration", "Simulated time to run (default: until Ctrl+C)");
        var speed = new Option<double>("--speed") { Description = "Simulated seconds per wall-clock second; 0 = as fast as possible", DefaultValueFactory = _ => 1 };
        var seed = new Option<int?>("--seed") { Description = "Random seed (default Simulation:Seed, 42)" };
        var to = new Option<string>("--to") { Description = "Where the records go: the grains, or a Kinesis stream (--stream)", DefaultValueFactory = _ => "grains" };
        to.AcceptOnlyFromAmong("grains", "kinesis");
        var stream = new Option<string?>("--stream") { Description = "Kinesis stream for --to kinesis" };
        var shards = new Option<int?>("--create-shards") { Description = "With --to kinesis: create the stream with this many shards unless it exists" };
        var plain = new Option<bool>("--plain") { Description = "Progress as plain lines every 2 s instead of the live display (the default when output is redirected)" };
        var history = DurationOption.WithDefault("--history", "Judging in the grains: first simulate this much time before today's SPC day at full speed, so today's control limits exist (0 = none)", TimeSpan.FromHours(1));
        var command = new Command("simulate", HelpText.WithExamples(
            "Simulate sensors and production lines and judge their readings in the cluster (or put them to Kinesis)",
            "simulate",
            "simulate --duration 20m --speed 60 --seed 7",
            "simulate --duration 20s --plain",
            "simulate --to kinesis --stream readings --create-shards 4 --duration 1h --speed 0")) { duration, speed, seed, history, plain, to, stream, shards };
        command.SetAction((result, cancellationToken) => result.GetValue(to) == "kinesis"
            ? KinesisSimulation.RunAsync(result.GetValue(stream), result.GetValue(shards), result.GetValue(duration), result.GetValue(speed), result.GetValue(seed), cancellationToken)
            : RunAsync(result.GetValue(duration), result.GetValue(speed), result.GetValue(seed), result.GetValue(history), result.GetValue(plain), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(TimeSpan? duration, double speed, int? seed, TimeSpan history, bool plain, CancellationToken cancellationToken)
    {
        var live = !plain && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var overrides = new Dictionary<string, string?> { ["Notifier:Sinks:0"] = "log" };
        if (live)
        {
            overrides["Logging:Console:FormatterOptions:ColorBehavior"] = "Disabled";
        }
        var configuration = IngestorConfiguration.Load(overrides);
        var settings = configuration.GetSection(IngestorOptions.SectionName).Get<IngestorOptions>() ?? new IngestorOptions();
        var simulation = configuration.GetSection(SimulationOptions.SectionName).Get<SimulationOptions>() ?? new SimulationOptions();
        if (seed is { } s)
        {
            simulation.Seed = s;
        }
        using var logFile = live ? new StandardErrorToFile(Path.Combine(Path.GetTempPath(), LogFileName)) : null;
        await using var cluster = await ClusterCommand.ConnectAsync(configuration, settings, cancellationToken);
        if (cluster is null)
        {
            return ExitCodes.ClusterUnreachable;
        }
        var loggers = cluster.Services.GetRequiredService<ILoggerFactory>();
        var rejections = new RejectionLog(loggers.CreateLogger<RejectionLog>());
        var start = DateTime.UtcNow;
        var dayStart = SpcCalendar.FromId(configuration[$"{SpcOptions.SectionName}:{nameof(SpcOptions.TimeZone)}"] ?? "UTC").StartOfDayUtc(DateOnly.FromDateTime(start));
        var source = new SimulatorSource(simulation, dayStart, history, start, duration ?? TimeSpan.FromDays(3650), speed);
        var summary = new RunSummary();
        var view = new SimulationLiveView(summary, rejections, () => source.LastEventTime, TimeProvider.System);
        var pipeline = new IngestPipeline(
            cluster.Grains, IngestorConfiguration.CreateParser(configuration), rejections, settings.BatchSize, IngestorConfiguration.Checkpoints(configuration), TimeProvider.System)
        {
            Summary = summary,
            Judged = outcome =>
            {
                view.Add(outcome.Anomalies);
                return Task.CompletedTask;
            },
        };
        AnsiConsole.MarkupLine($"[bold]Simulating[/] {simulation.DeviceCount} devices from {start:yyyy-MM-dd HH:mm:ss} UTC at {(speed > 0 ? $"{speed}x" : "full speed")}; Ctrl+C stops.");
        if (history > TimeSpan.Zero)
        {
            AnsiConsole.MarkupLine($"[grey]Backfilling {history} before {dayStart:yyyy-MM-dd HH:mm} UTC so today's SPC limits exist...[/]");
        }
        if (logFile is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]Log (rejected records, every alert as JSON): {logFile.Path}[/]");
        }

        var running = pipeline.RunAsync(source, cancellationToken);
        if (live)
        {
            await AnsiConsole.Live(view.Render()).StartAsync(context => RefreshUntilAsync(running, LiveRefresh, () => context.UpdateTarget(view.Render())));
        }
        else
        {
            await RefreshUntilAsync(running, PlainRefresh, () => PrintProgress(summary, source));
        }
        if (!await running)
        {
            AnsiConsole.MarkupLine("[yellow]Stopped.[/]");
        }
        PrintSummary(summary, rejections);
        if (logFile is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]Log: {logFile.Path}[/]");
        }
        return ExitCodes.Success;
    }

    private static async Task RefreshUntilAsync(Task running, TimeSpan interval, Action refresh)
    {
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, Task.Delay(interval));
            refresh();
        }
    }

    private static void PrintProgress(RunSummary summary, SimulatorSource source) =>
        Console.WriteLine($"{source.LastEventTime:yyyy-MM-dd HH:mm:ss} accepted {summary.Accepted}, rejected {summary.Rejected}, duplicates {summary.Duplicates}, "
            + $"alerts {summary.AnomalyCount} ({string.Join(", ", Enum.GetValues<AnomalyType>().Select(t => $"{t} {summary.Anomalies(t)}"))})");
    private static void PrintSummary(RunSummary summary, RejectionLog rejections)
    {
        var table = new Table().Title("Summary").AddColumn("What").AddColumn(new TableColumn("Count").RightAligned());
        table.AddRow("records read", summary.Records.ToString());
        table.AddRow("readings accepted", summary.Accepted.ToString());
        table.AddRow("records rejected", summary.Rejected.ToString());
        foreach (var (reason, count) in rejections.Counts)
        {
            table.AddRow($"  {reason}", count.ToString());
        }
        table.AddRow("duplicates / late", summary.Duplicates.ToString());
        foreach (var type in Enum.GetValues<AnomalyType>())
        {
            table.AddRow($"alerts: {type}", summary.Anomalies(type).ToString());
        }
        table.AddRow("wall time", $"{summary.Elapsed.TotalSeconds:0.0} s");
        AnsiConsole.Write(table);
    }
}
