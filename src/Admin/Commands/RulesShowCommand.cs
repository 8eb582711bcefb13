using System.CommandLine;
using Actors.Admin.Output;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;
using Spectre.Console;

namespace Actors.Admin.Commands;

/// <summary><c>rules show</c>: the cluster's detection rules (thresholds and the z-score rule) and their version.</summary>
public static class RulesShowCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(AdminApp app)
    {
        var command = new Command("show", HelpText.WithExamples("The detection rules: thresholds, the z-score rule, and their version", "rules show", "rules show --json > rules.json"));
        command.SetAction((parse, cancellationToken) => app.RunCommandAsync(parse, cancellationToken, async (invocation, ct) =>
        {
            var grains = await invocation.ConnectAsync(ct);
            var rules = await grains.GetGrain<IRulesGrain>(RulesGrainKey.Default).Get();
            invocation.Report(RulesReport.From(rules), Render);
        }));
        return command;
    }

    /// <summary>Renders a rule set as tables.</summary>
    internal static void Render(IAnsiConsole console, RulesReport report)
    {
        Readable.Heading(console, $"Rules version {report.Version}");
        var thresholds = Readable.Table("Metric", "Lower", "Upper", "Device", "Product");
        foreach (var t in report.Thresholds)
        {
            thresholds.AddText(t.Metric, Readable.Number(t.Lower), Readable.Number(t.Upper), t.DeviceId ?? "(any)", t.ProductId ?? "(any)");
        }
        console.Write(thresholds);
        var z = report.ZScore;
        var zscore = Readable.Table("Z-score rule", "Window (s)", "Bound |z| >", "Min samples", "Max samples", "Metrics");
        zscore.AddText(z.Enabled ? "enabled" : "disabled", Readable.Number(z.WindowSeconds), Readable.Number(z.Bound), Readable.Count(z.MinSamples), Readable.Count(z.MaxSamples ?? ZScoreSettings.DefaultMaxSamples),
            z.Metrics.Length == 0 ? "(all)" : string.Join(", ", z.Metrics));
        console.Write(zscore);
        var l = report.Learned;
        var learned = Readable.Table("Learned rule", "Score >=", "Quiet readings", "Metrics");
        learned.AddText(l.Enabled ? "enabled" : "disabled", Readable.Number(l.Threshold), Readable.Count(l.QuietReadings),
            l.Metrics.Length == 0 ? "(all)" : string.Join(", ", l.Metrics));
        console.Write(learned);
    }
}
