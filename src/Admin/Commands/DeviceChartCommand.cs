using System.CommandLine;
using Actors.Admin.Charts;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;

namespace Actors.Admin.Commands;

/// <summary><c>device chart ID --metric M [--product P] [--chart C] [--date D] --out FILE</c>: draws a control chart of a device's series.</summary>
public static class DeviceChartCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(AdminApp app)
    {
        var id = new Argument<string>("ID") { Description = "Device ID (case-sensitive)" };
        var product = new Option<string?>("--product") { Description = "The product the values were measured on (default: the product of the device's latest reading)" };
        var parts = new ChartCommandParts();
        var command = new Command("chart", HelpText.WithExamples(
            "Draw a control chart (individuals, moving range, X-bar, EWMA or CUSUM) of a device's values of a product metric",
            "device chart M-001 --metric thickness --out chart.svg",
            "device chart M-001 --metric thickness --chart cusum --out cusum.svg",
            "device chart M-001 --metric thickness --product B205 --date 2026-02-17 --out chart.png")) { id, product, parts.Metric, parts.Chart, parts.Date, parts.Out };
        command.SetAction((parse, cancellationToken) => app.RunCommandAsync(parse, cancellationToken, async (invocation, ct) =>
        {
            var deviceId = DeviceShowCommand.RequiredId(parse.GetRequiredValue(id), "device");
            var productId = parse.GetValue(product) is { } p ? DeviceShowCommand.RequiredId(p, "product") : null;
            var (kind, metric, date, file) = parts.Read(parse);
            var grains = await invocation.ConnectAsync(ct);
            if (productId is null)
            {
                var snapshot = await grains.GetGrain<IDeviceGrain>(deviceId).GetSnapshot();
                productId = snapshot.LastReading?.ProductId
                    ?? throw AdminCommandException.UnknownId($"device '{deviceId}' has no reading with a product: name one with --product");
            }
            var chart = await grains.GetGrain<IProductGrain>(productId).GetChart(metric, deviceId, date, kind);
            ChartCommandParts.Write(invocation, chart, file);
        }));
        return command;
    }
}
