using System.CommandLine;
using Actors.Admin.Output;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;
using Spectre.Console;

namespace Actors.Admin.Commands;

/// <summary><c>product show ID</c>: control limits of recent days with their source, and the product's aggregates.</summary>
public static class ProductShowCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(AdminApp app)
    {
        var id = new Argument<string>("ID") { Description = "Product ID (case-sensitive)" };
        var command = new Command("show", HelpText.WithExamples("Control limits of recent days (imported or computed) and aggregates of a product", "product show B205", "product show B205 --json")) { id };
        command.SetAction((parse, cancellationToken) => app.RunCommandAsync(parse, cancellationToken, async (invocation, ct) =>
        {
            var productId = DeviceShowCommand.RequiredId(parse.GetRequiredValue(id), "product");
            var grains = await invocation.ConnectAsync(ct);
            var snapshot = await grains.GetGrain<IProductGrain>(productId).GetSnapshot();
            if (snapshot.Readings == 0 && snapshot.Limits.Length == 0)
            {
                throw AdminCommandException.UnknownId($"unknown product '{productId}': the cluster has neither readings nor control limits for it (product IDs are case-sensitive).");
            }
            invocation.Report(ProductReport.From(snapshot), Render);
        }));
        return command;
    }

    private static string Optional(double? value) => value is { } number ? Readable.Number(number) : "-";

    private static void Render(IAnsiConsole console, ProductReport report)
    {
        Readable.Heading(console, $"Product {report.ProductId}: {Readable.Count(report.Readings)} readings, {Readable.Count(report.Duplicates)} duplicates");
        Readable.Heading(console, "Control limits (newest first)");
        var limits = Readable.Table("Date", "Metric", "Source", "Mean", "Std dev", "MR-bar", "Sigma", "Count", "LCL-I", "UCL-I", "LCL-X", "UCL-X");
        foreach (var l in report.Limits)
        {
            limits.AddText(l.Date, l.Metric, l.Source.ToString(), Readable.Number(l.Mean), Readable.Number(l.StdDev), Optional(l.MrBar),
                l.SigmaEstimate.ToString(), Readable.Count(l.Count), Readable.Number(l.LclI), Readable.Number(l.UclI), Readable.Number(l.LclX), Readable.Number(l.UclX));
        }
        console.Write(limits);

        if (report.Capability.Length > 0)
        {
            Readable.Heading(console, "Capability (limits window of the latest reading's day)");
            var capability = Readable.Table("Date", "Metric", "LSL", "USL", "Target", "Count", "Mean", "Sigma within", "Sigma overall", "Cp", "Cpk", "Pp", "Ppk", "Cpm", "Out of spec");
            foreach (var c in report.Capability)
            {
                capability.AddText(c.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.Metric, Optional(c.Lsl), Optional(c.Usl), Optional(c.Target),
                    Readable.Count(c.Count), Readable.Number(c.Mean), Optional(c.SigmaWithin), Readable.Number(c.SigmaOverall), Optional(c.Cp), Optional(c.Cpk),
                    Optional(c.Pp), Optional(c.Ppk), Optional(c.Cpm), c.OutOfSpecShare.ToString("P2", System.Globalization.CultureInfo.InvariantCulture));
            }
            console.Write(capability);
        }

        Readable.Heading(console, "Aggregates");
        var aggregates = Readable.Table("Metric", "Count", "Mean", "Std dev", "From", "To", "Buckets");
        foreach (var a in report.Aggregates)
        {
            aggregates.AddText(a.Metric, Readable.Count(a.Count), Readable.Number(a.Mean), Readable.Number(a.StdDev), Readable.Time(a.From), Readable.Time(a.To), Readable.Count(a.Buckets));
        }
        console.Write(aggregates);
    }
}
