using System.CommandLine;
using Actors.Admin.Output;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;
using Spectre.Console;

namespace Actors.Admin.Commands;

/// <summary><c>silences list</c>: the silences in force or still to come, by ID.</summary>
public static class SilencesListCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(AdminApp app)
    {
        var command = new Command("list", HelpText.WithExamples("Silences that have not ended", "silences list", "silences list --json"));
        command.SetAction((parse, cancellationToken) => app.RunCommandAsync(parse, cancellationToken, async (invocation, ct) =>
        {
            var grains = await invocation.ConnectAsync(ct);
            var silences = (await grains.GetGrain<ISilencesGrain>(SilencesGrainKey.Default).List()).Select(SilenceReport.From).ToArray();
            invocation.Report(new SilencesReport { Count = silences.Length, Silences = silences }, (console, report) =>
            {
                Readable.Heading(console, $"{report.Count} silence(s) not ended");
                console.Write(Table(report.Silences));
            });
        }));
        return command;
    }

    /// <summary>A table of silences, one per row; an empty pattern matches anything.</summary>
    internal static Table Table(IEnumerable<SilenceReport> silences)
    {
        var table = Readable.Table("ID", "Device", "Product", "Metric", "Rule", "From (UTC)", "Until (UTC)", "By", "Added (UTC)", "Note");
        foreach (var s in silences)
        {
            table.AddText(Readable.Count(s.Id), s.Device, s.Product, s.Metric, s.Rule, Readable.Time(s.StartsAt), Readable.Time(s.EndsAt), s.CreatedBy, Readable.Time(s.CreatedAt), s.Note);
        }
        return table;
    }
}
