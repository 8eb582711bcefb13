using System.CommandLine;
using Actors.Detection.Parsing;
using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;
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
    public static Command Create()
    {
        var duration = DurationOption.Optional("--duration", "Simulated time to run (default: until Ctrl+C)");
        var speed = new Option<double>("--speed") { Description = "Simulated seconds per wall-clock second; 0 = as fast as possible", DefaultValueFactory = _ => 1 };
        var seed = new Option<int?>("--seed") { Description = "Random seed (default Simulation:Seed, 42)" };
        var to = new Option<string>("--to") { Description = "Where the records go: the grains, or a Kinesis stream (--stream)", DefaultValueFactory = _ => "grains" };
        to.AcceptOnlyFromAmong("grains", "kinesis");
        var stream = new Option<string?>("--stream") { Description = "Kinesis stream for --to kinesis" };
        var shards = new Option<int?>("--create-shards") { Description = "With --to kinesis: create the stream with this many shards unless it exists" };
        var history = DurationOption.WithDefault("--history", "Judging in the grains: first simulate this much time before today's SPC day at full speed, so today's control limits exist (0 = none)", TimeSpan.FromHours(1));
        var command = new Command("simulate", HelpText.WithExamples(
            "Simulate sensors and production lines and judge their readings in the cluster (or put them to Kinesis)",
            "simulate",
            "simulate --duration 20m --speed 60 --seed 7",
            "simulate --to kinesis --stream readings --create-shards 4 --duration 1h --speed 0")) { duration, speed, seed, history, to, stream, shards };
        command.SetAction((result, cancellationToken) => result.GetValue(to) == "kinesis"
            ? KinesisSimulation.RunAsync(result.GetValue(stream), result.GetValue(shards), result.GetValue(duration), result.GetValue(speed), result.GetValue(seed), cancellationToken)
            : RunAsync(result.GetValue(duration), result.GetValue(speed), result.GetValue(seed), result.GetValue(history), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(TimeSpan? duration, double speed, int? seed, TimeSpan history, CancellationToken cancellationToken)
    {
        var configuration = IngestorConfiguration.Load(new Dictionary<string, string?> { ["Notifier:Sinks:0"] = "log" });
        var settings = configuration.GetSection(IngestorOptions.SectionName).Get<IngestorOptions>() ?? new IngestorOptions();
        var simulation = configuration.GetSection(SimulationOptions.SectionName).Get<SimulationOptions>() ?? new SimulationOptions();
        if (seed is { } s)
        {
            simulation.Seed = s;
        }
        await using var cluster = await ClusterCommand.ConnectAsync(configuration, settings, cancellationToken);
        if (cluster is null)
        {
            return ExitCodes.ClusterUnreachable;
        }
        var loggers = cluster.Services.GetRequiredService<ILoggerFactory>();
        var parser = IngestorConfiguration.CreateParser(configuration);
        var rejections = new RejectionLog(loggers.CreateLogger<RejectionLog>());
        var dispatcher = new ReadingDispatcher(cluster.Grains);
        var schedule = new CheckpointSchedule(IngestorConfiguration.Checkpoints(configuration), TimeProvider.System);
        var summary = new RunSummary();
        var start = DateTime.UtcNow;
        var span = duration ?? TimeSpan.FromDays(3650);
        AnsiConsole.MarkupLine($"[bold]Simulating[/] {simulation.DeviceCount} devices from {start:yyyy-MM-dd HH:mm:ss} UTC at {(speed > 0 ? $"{speed}x" : "full speed")}; Ctrl+C stops.");

        var batch = new List<Reading>(settings.BatchSize);
        var devices = new HashSet<string>();
        var wall = new SimulationPacer(start, speed);
        var lastFlush = TimeSpan.Zero;
        var lastProgress = TimeSpan.Zero;
        var simulatedNow = start;
        try
        {
            if (history > TimeSpan.Zero)
            {
                var dayStart = SpcCalendar.FromId(configuration[$"{SpcOptions.SectionName}:{nameof(SpcOptions.TimeZone)}"] ?? "UTC").StartOfDayUtc(DateOnly.FromDateTime(start));
                AnsiConsole.MarkupLine($"[grey]Backfilling {history} before {dayStart:yyyy-MM-dd HH:mm} UTC so today's SPC limits exist...[/]");
                foreach (var record in new ReadingSimulator(simulation).Generate(dayStart - history, history))
                {
                    await AddAsync(record);
                }
            }
            foreach (var record in new ReadingSimulator(simulation).Generate(start, span))
            {
                await wall.WaitForAsync(record.EventTime, FlushAsync, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                await AddAsync(record);
            }
            await FlushAsync();
            summary.Add(await dispatcher.CloseWindowsAsync(devices, DateTime.MaxValue));
        }
        catch (OperationCanceledException)
        {
            AnsiConsole.MarkupLine("[yellow]Stopped.[/]");
        }
        summary.RecordWrites((await dispatcher.CheckpointAsync()).ThrowIfBehind().Writes);
        PrintSummary(summary, rejections);
        return ExitCodes.Success;

        async Task AddAsync(SimulatedRecord record)
        {
            simulatedNow = record.EventTime;
            summary.RecordRead(1);
            schedule.Read(1);
            var outcome = parser.Parse(record.Payload);
            if (outcome.Reading is { } reading)
            {
                batch.Add(reading);
                devices.Add(reading.DeviceId);
            }
            else
            {
                rejections.Record($"simulator:{record.DeviceId}@{record.EventTime:O}", outcome, record.Payload);
                summary.RecordRejected();
            }
            if (batch.Count >= settings.BatchSize || wall.Elapsed - lastFlush > TimeSpan.FromMilliseconds(200))
            {
                await FlushAsync();
            }
        }

        async Task FlushAsync()
        {
            lastFlush = wall.Elapsed;
            if (batch.Count > 0)
            {
                summary.Add(await dispatcher.DispatchAsync(batch));
                batch.Clear();
            }
            if (schedule.Due)
            {
                summary.RecordWrites((await dispatcher.CheckpointAsync()).ThrowIfBehind().Writes);
                schedule.Taken();
            }
            if (wall.Elapsed - lastProgress >= TimeSpan.FromSeconds(2))
            {
                lastProgress = wall.Elapsed;
                AnsiConsole.MarkupLine($"[grey]{simulatedNow:yyyy-MM-dd HH:mm:ss}[/] accepted {summary.Accepted}, rejected {summary.Rejected}, duplicates {summary.Duplicates}, "
                    + $"alerts {summary.AnomalyCount} ({string.Join(", ", Enum.GetValues<AnomalyType>().Select(t => $"{t} {summary.Anomalies(t)}"))})");
            }
        }
    }

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
