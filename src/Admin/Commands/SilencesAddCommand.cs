using System.CommandLine;
using Actors.Admin.Input;
using Actors.Admin.Output;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;

namespace Actors.Admin.Commands;

/// <summary>
/// <c>silences add [--device P] [--product P] [--metric P] [--rule P] --for DURATION|--until TIME [--note TEXT] [--by NAME]</c>:
/// from now on, nothing is sent for what the patterns match until the silence ends. A state change: needs the admin secret.
/// </summary>
public static class SilencesAddCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(AdminApp app)
    {
        var device = new Option<string?>("--device") { Description = "Device ID pattern (* and ? allowed, case-sensitive), e.g. press-*" };
        var product = new Option<string?>("--product") { Description = "Product ID pattern" };
        var metric = new Option<string?>("--metric") { Description = "Metric pattern" };
        var rule = new Option<string?>("--rule") { Description = "Rule (anomaly type) pattern, e.g. Threshold" };
        var duration = DurationOption.Optional("--for", "How long the silence lasts from now");
        var until = new Option<string?>("--until") { Description = "When the silence ends (UTC), e.g. '2026-02-17 18:00' or 2026-02-17T18:00:00Z" };
        var note = new Option<string?>("--note") { Description = "Why (kept with the silence)" };
        var by = new Option<string>("--by") { Description = "Who adds it (default: the user name)", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("add", HelpText.WithExamples(
            "Mute notifications matching the patterns for a while; alarms still change state (needs Admin:Secret)",
            "silences add --device \"press-*\" --for 2h --note \"press line maintenance\"",
            "silences add --product B205 --metric thickness --until \"2026-02-17 18:00\""))
        {
            device, product, metric, rule, duration, until, note, by,
        };
        command.SetAction((parse, cancellationToken) => app.RunCommandAsync(parse, cancellationToken, async (invocation, ct) =>
        {
            var now = DateTime.UtcNow;
            var silence = new Silence
            {
                Device = Pattern(parse.GetValue(device), "--device"),
                Product = Pattern(parse.GetValue(product), "--product"),
                Metric = Pattern(parse.GetValue(metric), "--metric"),
                Rule = Pattern(parse.GetValue(rule), "--rule"),
                StartsAt = now,
                EndsAt = End(parse.GetValue(duration), parse.GetValue(until), now),
                CreatedBy = DeviceShowCommand.RequiredId(parse.GetRequiredValue(by), "--by"),
                Note = parse.GetValue(note),
            };
            if (!silence.HasPattern)
            {
                throw AdminCommandException.BadInput("silences add needs at least one of --device, --product, --metric or --rule (--device '*' silences every device)");
            }
            var grains = await invocation.ConnectAsync(ct);
            var added = await invocation.AsAdminAsync(() => grains.GetGrain<ISilencesGrain>(SilencesGrainKey.Default).Add(silence));
            invocation.Report(SilenceReport.From(added), (console, report) =>
            {
                Readable.Heading(console, $"Added silence {report.Id}");
                console.Write(SilencesListCommand.Table([report]));
            });
        }));
        return command;
    }

    private static string? Pattern(string? value, string option) => value is null
        ? null
        : string.IsNullOrWhiteSpace(value) ? throw AdminCommandException.BadInput($"{option} must not be empty") : value.Trim();

    private static DateTime End(TimeSpan? duration, string? until, DateTime now)
    {
        var end = (duration, until) switch
        {
            (null, null) => throw AdminCommandException.BadInput("silences add needs --for DURATION or --until TIME"),
            ({ }, { }) => throw AdminCommandException.BadInput("give either --for or --until, not both"),
            ({ } length, null) => length > TimeSpan.Zero ? now + length : throw AdminCommandException.BadInput($"--for {length} is not a positive duration"),
            (null, { } time) => UntilTime(time),
        };
        return end > now ? end : throw AdminCommandException.BadInput($"--until {end:yyyy-MM-dd HH:mm:ss} UTC is not in the future");
    }

    private static DateTime UntilTime(string text) =>
        SinceParser.TryParseTime(text, out var time) ? time : throw AdminCommandException.BadInput($"--until '{text}' is not a time: use a UTC time such as '2026-02-17 18:00' or 2026-02-17T18:00:00Z");
}
