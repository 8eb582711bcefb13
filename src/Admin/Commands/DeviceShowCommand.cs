using System.CommandLine;
using Actors.Admin.Output;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;
using Spectre.Console;

namespace Actors.Admin.Commands;

/// <summary>
/// <c>device show ID</c>: last reading, open z-score windows, X-bar series, chart state and counters of a device (from its
/// grain), the latest chart points of each chart series (from the product, which keeps them) and its recent anomalies
/// (from its notifier shard, which keeps them).
/// </summary>
public static class DeviceShowCommand
{
    /// <summary>How many of the device's recent anomalies are shown.</summary>
    public const int RecentAnomalies = 20;

    /// <summary>Creates the command.</summary>
    public static Command Create(AdminApp app)
    {
        var id = new Argument<string>("ID") { Description = "Device ID (case-sensitive)" };
        var command = new Command("show", HelpText.WithExamples("Last reading, open z-score windows, X-bar series, chart state, counters and recent anomalies of a device", "device show M-001", "device show sensor-7 --json")) { id };
        command.SetAction((parse, cancellationToken) => app.RunCommandAsync(parse, cancellationToken, async (invocation, ct) =>
        {
            var deviceId = RequiredId(parse.GetRequiredValue(id), "device");
            var grains = await invocation.ConnectAsync(ct);
            var snapshot = await grains.GetGrain<IDeviceGrain>(deviceId).GetSnapshot();
            if (snapshot.Accepted == 0 && snapshot.LastReading is null)
            {
                throw AdminCommandException.UnknownId($"unknown device '{deviceId}': the cluster has never judged a reading from it (device IDs are case-sensitive).");
            }
            var notifier = grains.GetGrain<INotifierGrain>(NotifierShard.For(deviceId, invocation.NotifierShards));
            var recent = await notifier.GetRecent(new AlertQuery { DeviceId = deviceId, Limit = RecentAnomalies });
            var chartPoints = await Task.WhenAll(snapshot.Charts.Select(async chart =>
                (await grains.GetGrain<IProductGrain>(chart.ProductId).GetChart(chart.Metric, deviceId, null)).Points));
            invocation.Report(DeviceReport.From(snapshot, recent, chartPoints), Render);
        }));
        return command;
    }

    /// <summary>The trimmed ID, or bad input when it is empty.</summary>
    internal static string RequiredId(string id, string what) =>
        string.IsNullOrWhiteSpace(id) ? throw AdminCommandException.BadInput($"the {what} ID must not be empty") : id.Trim();

    private static void Render(IAnsiConsole console, DeviceReport report)
    {
        Readable.Heading(console, $"Device {report.DeviceId}");
        var counters = Readable.Table(["Accepted", "Duplicates", .. report.AnomalyCounts.Keys]);
        counters.AddText([Readable.Count(report.Accepted), Readable.Count(report.Duplicates), .. report.AnomalyCounts.Values.Select(Readable.Count)]);
        console.Write(counters);

        if (report.LastReading is { } reading)
        {
            Readable.Heading(console, $"Last reading at {Readable.Time(reading.Timestamp)}{(reading.ProductId is null ? "" : $" (product {reading.ProductId})")}");
            var metrics = Readable.Table("Metric", "Value");
            foreach (var (name, value) in reading.Metrics)
            {
                metrics.AddText(name, Readable.Number(value));
            }
            console.Write(metrics);
        }

        Readable.Heading(console, "Open z-score windows");
        var windows = Readable.Table("Metric", "Start", "End", "Count", "Mean", "Std dev");
        foreach (var w in report.OpenWindows)
        {
            windows.AddText(w.Metric, Readable.Time(w.Start), Readable.Time(w.End), Readable.Count(w.Count), Readable.Number(w.Mean), Readable.Number(w.StdDev));
        }
        console.Write(windows);

        Readable.Heading(console, "X-bar series (last five values)");
        var series = Readable.Table("Product", "Metric", "Values", "Mean");
        foreach (var s in report.XBarSeries)
        {
            series.AddText(s.ProductId, s.Metric, string.Join(", ", s.Values.Select(v => Readable.Number(v))), Readable.Number(s.Mean));
        }
        console.Write(series);

        Readable.Heading(console, "Charts (run-rule counters of the individuals chart: + above / increasing, - below / decreasing)");
        var charts = Readable.Table("Product", "Metric", "Limits", "Side", "Trend", "Alt.", "Within 1 sd", "Beyond 1 sd", "Subgroup", "Last value", "EWMA", "CUSUM C+ (N+)", "CUSUM C- (N-)", "Recent points");
        foreach (var c in report.Charts)
        {
            charts.AddText(c.ProductId, c.Metric, c.LimitsDate, Readable.Count(c.SameSide), Readable.Count(c.Trend), Readable.Count(c.Alternating),
                Readable.Count(c.Within1Sigma), Readable.Count(c.Beyond1Sigma),
                c.SubgroupMean is { } mean ? $"{c.SubgroupCount} (mean {Readable.Number(mean)})" : "0",
                c.LastValue is { } last ? Readable.Number(last) : "",
                c.Ewma is { } ewma ? $"{Readable.Number(ewma)} (t {c.EwmaPoints})" : "",
                $"{Readable.Number(c.CusumUpper)} ({c.CusumUpperRun})", $"{Readable.Number(c.CusumLower)} ({c.CusumLowerRun})",
                string.Join(", ", c.RecentPoints.Select(p => Readable.Number(p.Value))));
        }
        console.Write(charts);

        Readable.Heading(console, "Learned series");
        var learned = Readable.Table("Metric", "Readings", "Min", "Max", "Typical surprise", "Last score");
        foreach (var l in report.LearnedSeries)
        {
            learned.AddText(l.Metric, Readable.Count(l.Readings), Readable.Number(l.Min), Readable.Number(l.Max), Readable.Number(l.TypicalSurprise), Readable.Number(l.LastScore));
        }
        console.Write(learned);

        Readable.Heading(console, "Recent anomalies (newest first)");
        console.Write(AlertsListCommand.Table(report.RecentAnomalies, withDevice: false));
    }
}
