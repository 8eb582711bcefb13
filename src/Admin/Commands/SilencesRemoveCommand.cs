using System.CommandLine;
using Actors.Admin.Output;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;

namespace Actors.Admin.Commands;

/// <summary><c>silences remove ID</c>: ends a silence now. A state change: needs the admin secret.</summary>
public static class SilencesRemoveCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(AdminApp app)
    {
        var id = new Argument<long>("ID") { Description = "The silence's ID (see silences list)" };
        var command = new Command("remove", HelpText.WithExamples("End a silence now (needs Admin:Secret)", "silences remove 3")) { id };
        command.SetAction((parse, cancellationToken) => app.RunCommandAsync(parse, cancellationToken, async (invocation, ct) =>
        {
            var silenceId = parse.GetRequiredValue(id);
            var grains = await invocation.ConnectAsync(ct);
            var removed = await invocation.AsAdminAsync(() => grains.GetGrain<ISilencesGrain>(SilencesGrainKey.Default).Remove(silenceId))
                ?? throw AdminCommandException.UnknownId($"no silence {silenceId} that has not ended (see silences list)");
            invocation.Report(SilenceReport.From(removed), (console, report) =>
            {
                Readable.Heading(console, $"Removed silence {report.Id}");
                console.Write(SilencesListCommand.Table([report]));
            });
        }));
        return command;
    }
}
