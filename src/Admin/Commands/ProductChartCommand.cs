using System.CommandLine;
using Actors.Admin.Charts;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;

namespace Actors.Admin.Commands;

/// <summary><c>product chart ID --metric M [--device D] [--chart C] [--date D] --out FILE</c>: draws a control chart of a product metric.</summary>
public static class ProductChartCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(AdminApp app)
    {
        var id = new Argument<string>("ID") { Description = "Product ID (case-sensitive)" };
        var device = new Option<string?>("--device") { Description = "Only this device's points (default: every device's, merged in time order)" };
        var parts = new ChartCommandParts();
        var command = new Command("chart", HelpText.WithExamples(
            "Draw a control chart of a product metric (individuals, moving range, X-bar, EWMA or CUSUM): points, center line, limits, zones, violations",
            "product chart B205 --metric thickness --out chart.svg",
            "product chart B205 --metric thickness --device M-001 --chart ewma --out ewma.svg",
            "product chart B205 --metric thickness --device M-001 --date 2026-02-17 --out chart.png")) { id, device, parts.Metric, parts.Chart, parts.Date, parts.Out };
        command.SetAction((parse, cancellationToken) => app.RunCommandAsync(parse, cancellationToken, async (invocation, ct) =>
        {
            var productId = DeviceShowCommand.RequiredId(parse.GetRequiredValue(id), "product");
            var deviceId = parse.GetValue(device) is { } d ? DeviceShowCommand.RequiredId(d, "device") : null;
            var (kind, metric, date, file) = parts.Read(parse);
            var grains = await invocation.ConnectAsync(ct);
            var chart = await grains.GetGrain<IProductGrain>(productId).GetChart(metric, deviceId, date, kind);
            ChartCommandParts.Write(invocation, chart, file);
        }));
        return command;
    }
}
