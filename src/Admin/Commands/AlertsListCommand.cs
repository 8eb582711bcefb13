using System.CommandLine;
using Actors.Admin.Input;
using Actors.Admin.Output;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;
using Spectre.Console;

namespace Actors.Admin.Commands;

/// <summary>
/// <c>alerts list [--device ID] [--product ID] [--type T] [--since TIME] [--limit N]</c>: recent anomalies of every
/// notifier shard, merged newest first.
/// </summary>
public static class AlertsListCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(AdminApp app)
    {
        var device = new Option<string?>("--device") { Description = "Only this device's anomalies" };
        var product = new Option<string?>("--product") { Description = "Only this product's anomalies" };
        var type = new Option<AnomalyType?>("--type") { Description = "Only this type: Threshold, ZScore, Provisional or Confirmed" };
        var since = new Option<string?>("--since") { Description = "Only anomalies at or after this event time: UTC time (2026-02-17T12:00:00Z) or span back from now (e.g. 15m, 1h30m, 7d)" };
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first (1-10000)", DefaultValueFactory = _ => 50 };
        var command = new Command("list", HelpText.WithExamples("Recent anomalies from all notifier shards, newest first", "alerts list --since 1h30m", "alerts list --device M-001 --type Confirmed --since 2026-02-17 --limit 10 --json")) { device, product, type, since, limit };
        command.SetAction((parse, cancellationToken) => app.RunCommandAsync(parse, cancellationToken, async (invocation, ct) =>
        {
            var count = parse.GetValue(limit);
            if (count is < 1 or > 10_000)
            {
                throw AdminCommandException.BadInput($"--limit {count} is not between 1 and 10000");
            }
            var query = new AlertQuery
            {
                DeviceId = Blank(parse.GetValue(device)),
                ProductId = Blank(parse.GetValue(product)),
                Type = parse.GetValue(type),
                Since = Since(parse.GetValue(since)),
                Limit = count,
            };
            var grains = await invocation.ConnectAsync(ct);
            var shards = Enumerable.Range(0, invocation.NotifierShards).Select(shard => grains.GetGrain<INotifierGrain>(shard).GetRecent(query));
            var alerts = (await Task.WhenAll(shards))
                .SelectMany(found => found)
                .DistinctBy(a => a.AlertId)
                .OrderByDescending(a => a.TargetTime)
                .ThenBy(a => a.AlertId, StringComparer.Ordinal)
                .Take(query.Limit)
                .Select(AlertReport.From)
                .ToArray();
            invocation.Report(new AlertsReport { ShardsQueried = invocation.NotifierShards, Count = alerts.Length, Alerts = alerts }, (console, report) =>
            {
                Readable.Heading(console, $"{report.Count} anomal{(report.Count == 1 ? "y" : "ies")} from {report.ShardsQueried} notifier shard(s), newest first");
                console.Write(Table(report.Alerts));
            });
        }));
        return command;
    }

    /// <summary>A table of anomalies, one per row; without the device column when they are all of one device.</summary>
    internal static Table Table(IEnumerable<AlertReport> alerts, bool withDevice = true)
    {
        var table = withDevice
            ? Readable.Table("Time (UTC)", "Type", "Device", "Product", "Metric", "Value", "Lower", "Upper", "Rule")
            : Readable.Table("Time (UTC)", "Type", "Product", "Metric", "Value", "Lower", "Upper", "Rule");
        foreach (var a in alerts)
        {
            string?[] cells = [Readable.Time(a.TargetTime), a.AnomalyType.ToString(), .. withDevice ? [a.DeviceId] : Array.Empty<string?>(), a.ProductId, a.Metric,
                Readable.Number(a.MeasuredValue), Readable.Number(a.LowerLimit), Readable.Number(a.UpperLimit), a.Rule];
            table.AddText(cells);
        }
        return table;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTime? Since(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return SinceParser.Parse(text, DateTime.UtcNow);
        }
        catch (FormatException ex)
        {
            throw AdminCommandException.BadInput($"--since {ex.Message}", ex);
        }
    }
}
