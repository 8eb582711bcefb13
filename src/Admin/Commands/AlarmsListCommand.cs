using System.CommandLine;
using Actors.Admin.Output;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;
using Spectre.Console;

namespace Actors.Admin.Commands;

/// <summary>
/// <c>alarms list [--state S] [--device ID] [--product ID] [--rule R] [--metric M] [--severity N] [--limit N]</c>: the alarms that are not
/// NORMAL, from the index shards (no device grain is activated), most severe then oldest first.
/// </summary>
public static class AlarmsListCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(AdminApp app)
    {
        var state = new Option<AlarmState?>("--state") { Description = "Only alarms in this state: Active, Acknowledged, Latched, Snoozed or Disabled" };
        var device = new Option<string?>("--device") { Description = "Only this device's alarms" };
        var product = new Option<string?>("--product") { Description = "Only alarms whose latest anomaly is of this product" };
        var rule = new Option<string?>("--rule") { Description = "Only alarms of this rule: Threshold, ZScore, NoData, RunRule, ... (any case)" };
        var metric = new Option<string?>("--metric") { Description = "Only alarms of this metric" };
        var severity = new Option<int?>("--severity") { Description = "Only alarms of at least this severity" };
        var limit = new Option<int>("--limit") { Description = "At most this many (1-100000)", DefaultValueFactory = _ => 100 };
        var command = new Command("list", HelpText.WithExamples("Alarms that are not NORMAL, most severe first", "alarms list", "alarms list --state Active --severity 3 --json", "alarms list --rule NoData")) { state, device, product, rule, metric, severity, limit };
        command.SetAction((parse, cancellationToken) => app.RunCommandAsync(parse, cancellationToken, async (invocation, ct) =>
        {
            var count = parse.GetValue(limit);
            if (count is < 1 or > 100_000)
            {
                throw AdminCommandException.BadInput($"--limit {count} is not between 1 and 100000");
            }
            if (parse.GetValue(state) == AlarmState.Normal)
            {
                throw AdminCommandException.BadInput("--state Normal: NORMAL alarms are not kept; list Active, Acknowledged, Latched, Snoozed or Disabled");
            }
            var query = new AlarmQuery
            {
                State = parse.GetValue(state),
                DeviceId = Blank(parse.GetValue(device)),
                ProductId = Blank(parse.GetValue(product)),
                Rule = Blank(parse.GetValue(rule)),
                Metric = Blank(parse.GetValue(metric)),
                MinSeverity = parse.GetValue(severity),
                Limit = count,
            };
            var grains = await invocation.ConnectAsync(ct);
            var (shards, found) = await AlarmIndex.ListAsync(grains, query, invocation.AlarmIndexShards);
            var alarms = found.Select(AlarmReport.From).ToArray();
            invocation.Report(new AlarmsReport { ShardsQueried = shards, Count = alarms.Length, Alarms = alarms }, (console, report) =>
            {
                Readable.Heading(console, $"{report.Count} alarm(s) not NORMAL from {report.ShardsQueried} index shard(s)");
                console.Write(Table(report.Alarms));
            });
        }));
        return command;
    }

    /// <summary>A table of alarms, one per row.</summary>
    internal static Table Table(IEnumerable<AlarmReport> alarms)
    {
        var table = Readable.Table("Device", "Product", "Metric", "Rule", "State", "Severity", "Since (UTC)", "Count", "Snoozed until");
        foreach (var a in alarms)
        {
            table.AddText(a.DeviceId, a.ProductId, a.Metric, a.Rule, a.State.ToString().ToUpperInvariant(), Readable.Count(a.Severity), Readable.Time(a.Since), Readable.Count(a.Count), Readable.Time(a.SnoozedUntil));
        }
        return table;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
