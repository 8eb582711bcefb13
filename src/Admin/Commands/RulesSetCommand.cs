using System.CommandLine;
using Actors.Admin.Output;
using Actors.Admin.Rules;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;

namespace Actors.Admin.Commands;

/// <summary>
/// <c>rules set</c>: changes the detection rules, either by edits (<c>--threshold</c>, <c>--remove-threshold</c>,
/// <c>--replace-thresholds</c>, <c>--zscore-*</c>) applied to the current rules, or wholesale from <c>--file</c>.
/// A state change: needs the admin secret.
/// </summary>
public static class RulesSetCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(AdminApp app)
    {
        var threshold = new Option<string[]>("--threshold") { Description = $"Add or replace a threshold rule: {ThresholdSpec.Syntax} (repeatable)" };
        var remove = new Option<string[]>("--remove-threshold") { Description = $"Remove a threshold rule: {ThresholdSpec.KeySyntax} (repeatable)" };
        var replace = new Option<bool>("--replace-thresholds") { Description = "Drop every current threshold rule first; only the --threshold rules given remain" };
        var window = new Option<double?>("--zscore-window") { Description = "Z-score window length in seconds" };
        var bound = new Option<double?>("--zscore-bound") { Description = "|z| strictly above this is an anomaly" };
        var minSamples = new Option<int?>("--zscore-min-samples") { Description = "Windows with fewer values are not judged (at least 2)" };
        var maxSamples = new Option<int?>("--zscore-max-samples") { Description = $"Most values a window holds (2-{ZScoreSettings.MaxSamplesLimit}); beyond that it keeps the most extreme" };
        var metrics = new Option<string?>("--zscore-metrics") { Description = "Comma-separated metrics the z-score rule judges; empty string: every metric" };
        var enabled = new Option<bool?>("--zscore-enabled") { Description = "true or false: switch the z-score rule on or off" };
        var file = new Option<string?>("--file") { Description = "Replace all rules with a rules file (the JSON of 'rules show --json'); not combinable with the other options" };
        var command = new Command("set", HelpText.WithExamples("Change the detection rules (needs Admin:Secret)", "rules set --threshold temperature:30", "rules set --zscore-window 30 --zscore-bound 2.5", "rules set --file rules.json")) { threshold, remove, replace, window, bound, minSamples, maxSamples, metrics, enabled, file };
        command.SetAction((parse, cancellationToken) => app.RunCommandAsync(parse, cancellationToken, async (invocation, ct) =>
        {
            var adds = Parse(parse.GetValue(threshold) ?? [], "--threshold", ThresholdSpec.Syntax, ThresholdSpec.Parse);
            var removals = Parse(parse.GetValue(remove) ?? [], "--remove-threshold", ThresholdSpec.KeySyntax, ThresholdSpec.ParseKey);
            var zscore = new ZScoreEdit(parse.GetValue(window), parse.GetValue(bound), parse.GetValue(minSamples), parse.GetValue(maxSamples), Metrics(parse.GetValue(metrics)), parse.GetValue(enabled));
            var edits = adds.Count > 0 || removals.Count > 0 || parse.GetValue(replace) || zscore.Any;
            var path = parse.GetValue(file);
            if (path is not null && edits)
            {
                throw AdminCommandException.BadInput("--file replaces all rules and cannot be combined with --threshold, --remove-threshold, --replace-thresholds or --zscore-* options");
            }
            if (path is null && !edits)
            {
                throw AdminCommandException.BadInput("nothing to change: give --threshold, --remove-threshold, --replace-thresholds, a --zscore-* option, or --file");
            }
            var fromFile = path is null ? null : await RulesFile.ReadAsync(path, ct);

            var grains = await invocation.ConnectAsync(ct);
            var rulesGrain = grains.GetGrain<IRulesGrain>(RulesGrainKey.Default);
            var next = fromFile ?? Edit(await rulesGrain.Get(), adds, removals, parse.GetValue(replace), zscore);
            var problems = RulesValidator.Validate(next);
            if (problems.Count > 0)
            {
                throw AdminCommandException.BadInput($"the rules would be invalid: {string.Join("; ", problems)}");
            }
            var updated = await invocation.AsAdminAsync(() => rulesGrain.Set(next));
            invocation.Report(RulesReport.From(updated), RulesShowCommand.Render);
        }));
        return command;
    }

    private static DetectionRules Edit(DetectionRules current, List<ThresholdRule> adds, List<ThresholdKey> removals, bool replace, ZScoreEdit zscore)
    {
        var dropped = adds.Select(ThresholdKey.Of).Concat(removals).ToHashSet();
        var missing = removals.Where(key => !current.Thresholds.Any(t => ThresholdKey.Of(t) == key)).ToList();
        if (missing.Count > 0 && !replace)
        {
            throw AdminCommandException.BadInput($"no threshold rule to remove for {string.Join(", ", missing)}");
        }
        var kept = replace ? [] : current.Thresholds.Where(t => !dropped.Contains(ThresholdKey.Of(t)));
        return current with
        {
            Thresholds = [.. kept, .. adds],
            ZScore = zscore.ApplyTo(current.ZScore),
        };
    }

    private static List<T> Parse<T>(string[] specs, string option, string syntax, Func<string, T> parse)
    {
        var parsed = new List<T>();
        foreach (var spec in specs)
        {
            try
            {
                parsed.Add(parse(spec));
            }
            catch (FormatException ex)
            {
                throw AdminCommandException.BadInput($"{option} {ex.Message} (syntax: {syntax})", ex);
            }
        }
        return parsed;
    }

    private static string[]? Metrics(string? list) =>
        list is null ? null : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
