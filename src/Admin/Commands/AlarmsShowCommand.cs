using System.CommandLine;
using Actors.Admin.Output;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;
using Spectre.Console;

namespace Actors.Admin.Commands;

/// <summary><c>alarms show DEVICE</c>: the device's alarms that are not NORMAL, with their latest anomaly and history (from the device grain).</summary>
public static class AlarmsShowCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(AdminApp app)
    {
        var id = new Argument<string>("DEVICE") { Description = "Device ID (case-sensitive)" };
        var command = new Command("show", HelpText.WithExamples("A device's alarms with their cause and history", "alarms show M-001", "alarms show M-001 --json")) { id };
        command.SetAction((parse, cancellationToken) => app.RunCommandAsync(parse, cancellationToken, async (invocation, ct) =>
        {
            var deviceId = DeviceShowCommand.RequiredId(parse.GetRequiredValue(id), "device");
            var grains = await invocation.ConnectAsync(ct);
            var alarms = (await grains.GetGrain<IDeviceGrain>(deviceId).GetAlarms()).Select(AlarmReport.From).ToArray();
            invocation.Report(new AlarmsReport { ShardsQueried = 0, Count = alarms.Length, Alarms = alarms }, (console, report) =>
            {
                Readable.Heading(console, $"{deviceId}: {report.Count} alarm(s) not NORMAL");
                foreach (var alarm in report.Alarms)
                {
                    Render(console, alarm);
                }
            });
        }));
        return command;
    }

    /// <summary>Writes one alarm: its row, its latest anomaly and its history.</summary>
    internal static void Render(IAnsiConsole console, AlarmReport alarm)
    {
        console.Write(AlarmsListCommand.Table([alarm]));
        if (alarm.Cause is { } cause)
        {
            console.Write(AlertsListCommand.Table([cause], withDevice: false));
        }
        if (alarm.History.Length > 0)
        {
            var history = Readable.Table("When (UTC)", "Action", "By", "Note");
            foreach (var entry in alarm.History)
            {
                history.AddText(Readable.Time(entry.At), entry.Action.ToString(), entry.Actor, entry.Note);
            }
            console.Write(history);
        }
    }
}
