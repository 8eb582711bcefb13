using System.CommandLine;
using Actors.Admin.Input;
using Actors.Admin.Output;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;
using Spectre.Console;

namespace Actors.Admin.Commands;

/// <summary>
/// <c>product limits import FILE [--skip-invalid]</c>: imports control limits from a baseline NDJSON file. A state
/// change: needs the admin secret. With a rejected line nothing is imported unless <c>--skip-invalid</c> is given.
/// </summary>
public static class ProductLimitsImportCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(AdminApp app)
    {
        var file = new Argument<string>("FILE") { Description = "Baseline NDJSON: one {\"product_id\", \"date_key\", [\"metric\",] \"mean\", \"std_dev\", \"ucl_i\", \"lcl_i\", \"ucl_x\", \"lcl_x\"} per line" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the valid lines even when some lines are rejected" };
        var command = new Command("import", HelpText.WithExamples("Import control limits from a baseline file (needs Admin:Secret)", "product limits import baseline.ndjson", "product limits import baseline.ndjson --skip-invalid")) { file, skipInvalid };
        command.SetAction((parse, cancellationToken) => app.RunCommandAsync(parse, cancellationToken, async (invocation, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            var baseline = await BaselineFile.ReadAsync(path, ct);
            var byProduct = baseline.Limits.GroupBy(l => l.ProductId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            if (baseline.Limits.Count == 0 && baseline.Rejected.Count == 0)
            {
                throw AdminCommandException.BadInput($"{path} holds no baseline lines");
            }
            var apply = baseline.Rejected.Count == 0 || parse.GetValue(skipInvalid) && baseline.Limits.Count > 0;
            if (apply)
            {
                var grains = await invocation.ConnectAsync(ct);
                await invocation.AsAdminAsync(() => Task.WhenAll(byProduct.Select(p => grains.GetGrain<IProductGrain>(p.Key).ImportLimits([.. p]))));
            }
            invocation.Report(new ImportReport
            {
                File = path,
                Applied = apply,
                Imported = apply ? baseline.Limits.Count : 0,
                Rejected = baseline.Rejected.Count,
                Products = [.. byProduct.Select(p => p.Key)],
                RejectedLines = [.. baseline.Rejected],
            }, Render);
            if (!apply)
            {
                throw AdminCommandException.BadInput(
                    $"{baseline.Rejected.Count} line(s) of {path} rejected (first: line {baseline.Rejected[0].Line}, {baseline.Rejected[0].Reason}); nothing imported. "
                    + (baseline.Limits.Count > 0 ? "Fix them, or pass --skip-invalid to import the valid lines." : "No line is valid."));
            }
        }));
        return command;
    }

    private static void Render(IAnsiConsole console, ImportReport report)
    {
        if (report.Applied)
        {
            Readable.Heading(console, $"Imported {report.Imported} limit(s) into {report.Products.Length} product(s) from {report.File}: {string.Join(", ", report.Products)}");
        }
        if (report.RejectedLines.Length > 0)
        {
            Readable.Heading(console, $"Rejected {report.Rejected} line(s)");
            var rejected = Readable.Table("Line", "Reason");
            foreach (var line in report.RejectedLines)
            {
                rejected.AddText(Readable.Count(line.Line), line.Reason);
            }
            console.Write(rejected);
        }
    }
}
