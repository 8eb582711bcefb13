using System.CommandLine;
using Actors.Admin.Output;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;

namespace Actors.Admin.Commands;

/// <summary>
/// <c>alarms ack|snooze|disable|enable|reset DEVICE --metric M --rule R [--note TEXT] [--by NAME]</c> (snooze also
/// <c>--for DURATION</c>): an operator's action on one alarm, kept in its history. A state change: needs the admin secret.
/// </summary>
public static class AlarmActionCommand
{
    /// <summary>Creates the command named <paramref name="name"/> for <paramref name="action"/>.</summary>
    public static Command Create(AdminApp app, string name, AlarmAction action, string description)
    {
        var id = new Argument<string>("DEVICE") { Description = "Device ID (case-sensitive)" };
        var metric = new Option<string>("--metric") { Description = "The alarm's metric", Required = true };
        var rule = new Option<string>("--rule") { Description = "The alarm's rule (anomaly type), e.g. Threshold", DefaultValueFactory = _ => nameof(AnomalyType.Threshold) };
        var note = new Option<string?>("--note") { Description = "Why (kept in the alarm's history and sent with the transition)" };
        var by = new Option<string>("--by") { Description = "Who acts (default: the user name)", DefaultValueFactory = _ => Environment.UserName };
        var snoozeFor = DurationOption.Optional("--for", "How long to snooze");
        var example = action == AlarmAction.Snooze ? $"alarms {name} M-001 --metric temperature --for 2h --note \"line stopped\"" : $"alarms {name} M-001 --metric temperature --note \"fan replaced\"";
        var command = new Command(name, HelpText.WithExamples($"{description} (needs Admin:Secret)", example)) { id, metric, rule, note, by };
        if (action == AlarmAction.Snooze)
        {
            command.Add(snoozeFor);
        }
        command.SetAction((parse, cancellationToken) => app.RunCommandAsync(parse, cancellationToken, async (invocation, ct) =>
        {
            var deviceId = DeviceShowCommand.RequiredId(parse.GetRequiredValue(id), "device");
            DateTime? until = null;
            if (action == AlarmAction.Snooze)
            {
                var duration = parse.GetValue(snoozeFor) ?? throw AdminCommandException.BadInput("alarms snooze needs --for, e.g. --for 2h");
                if (duration <= TimeSpan.Zero)
                {
                    throw AdminCommandException.BadInput($"--for {duration} is not a positive duration");
                }
                until = DateTime.UtcNow + duration;
            }
            var command = new AlarmCommand
            {
                Metric = DeviceShowCommand.RequiredId(parse.GetRequiredValue(metric), "metric"),
                Rule = DeviceShowCommand.RequiredId(parse.GetRequiredValue(rule), "rule"),
                Action = action,
                Actor = DeviceShowCommand.RequiredId(parse.GetRequiredValue(by), "--by"),
                Note = parse.GetValue(note),
                Until = until,
            };
            var grains = await invocation.ConnectAsync(ct);
            AlarmView alarm;
            try
            {
                alarm = await invocation.AsAdminAsync(() => grains.GetGrain<IDeviceGrain>(deviceId).ActOnAlarm(command));
            }
            catch (AlarmActionRefusedException ex)
            {
                throw new AdminCommandException(ExitCodes.NotAllowed, ex.Message, ex);
            }
            invocation.Report(AlarmReport.From(alarm), AlarmsShowCommand.Render);
        }));
        return command;
    }
}
