using System.CommandLine;
using System.CommandLine.Help;
using Actors.Admin.Commands;
using Actors.Admin.Connection;
using Actors.Grains.Interfaces;
using Actors.Hosting.CommandLine;
using Microsoft.Extensions.Configuration;
using Orleans.Runtime;

namespace Actors.Admin;

/// <summary>
/// The admin client's command line: parses the arguments, runs the command against the cluster the connector reaches,
/// writes to the given writers and returns one of <see cref="ExitCodes"/>. The program and the tests both run this.
/// </summary>
public sealed class AdminApp(IConfiguration configuration, IClusterConnector connector, TextWriter output, TextWriter error)
{
    private readonly GlobalCommandLineOptions _global = new();

    /// <summary>Runs the command line <paramref name="args"/>.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        var parse = CreateRootCommand().Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }
            await error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.BadInput;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    /// <summary>The command tree.</summary>
    public RootCommand CreateRootCommand()
    {
        var root = new RootCommand(HelpText.WithExamples(
            "Admin client of the IoT anomaly-detection cluster: inspect devices, products, alerts and rules; import limits; cluster status",
            "device show M-001",
            "alerts list --since 15m",
            "rules set --threshold temperature:30"))
        {
            new Command("device", HelpText.WithExamples("Inspect device grains", "device show M-001")) { DeviceShowCommand.Create(this), DeviceChartCommand.Create(this) },
            new Command("product", HelpText.WithExamples("Inspect product grains and manage their control limits", "product show B205", "product limits import baseline.ndjson"))
            {
                ProductShowCommand.Create(this),
                ProductChartCommand.Create(this),
                new Command("limits", HelpText.WithExamples("Manage control limits", "product limits import baseline.ndjson")) { ProductLimitsImportCommand.Create(this) },
            },
            new Command("alerts", HelpText.WithExamples("Recent anomalies", "alerts list --since 15m")) { AlertsListCommand.Create(this) },
            new Command("alarms", HelpText.WithExamples("Alarms and their lifecycle (docs/alarms.md)", "alarms list --state Active", "alarms ack M-001 --metric temperature --note \"fan replaced\""))
            {
                AlarmsListCommand.Create(this),
                AlarmsShowCommand.Create(this),
                AlarmActionCommand.Create(this, "ack", AlarmAction.Acknowledge, "Acknowledge an active or latched alarm"),
                AlarmActionCommand.Create(this, "snooze", AlarmAction.Snooze, "Mute an alarm for a while; it returns to NORMAL then"),
                AlarmActionCommand.Create(this, "disable", AlarmAction.Disable, "Turn an alarm off until enabled"),
                AlarmActionCommand.Create(this, "enable", AlarmAction.Enable, "Turn a disabled alarm back on"),
                AlarmActionCommand.Create(this, "reset", AlarmAction.Reset, "Return an alarm to NORMAL"),
            },
            new Command("silences", HelpText.WithExamples("Maintenance windows: nothing is sent for what they match (docs/alarms.md)", "silences add --device \"press-*\" --for 2h --note \"maintenance\"", "silences list", "silences remove 3"))
            {
                SilencesAddCommand.Create(this),
                SilencesListCommand.Create(this),
                SilencesRemoveCommand.Create(this),
            },
            new Command("rules", HelpText.WithExamples("Detection rules: thresholds and the z-score rule", "rules show", "rules set --threshold temperature:30")) { RulesShowCommand.Create(this), RulesSetCommand.Create(this) },
            new Command("cluster", HelpText.WithExamples("The cluster itself", "cluster status")) { ClusterStatusCommand.Create(this) },
        };
        foreach (var option in _global.All)
        {
            root.Add(option);
        }
        return root;
    }

    /// <summary>
    /// Runs one command's <paramref name="body"/> and turns what it throws into a message on standard error and an exit code.
    /// </summary>
    public async Task<int> RunCommandAsync(ParseResult parse, CancellationToken cancellationToken, Func<AdminInvocation, CancellationToken, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var invocation = new AdminInvocation(parse, _global, configuration, connector, output, error, terminal: ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
        await using (invocation)
        {
            var (code, message) = await RunAsync(invocation, body, cancellationToken);
            if (message is not null)
            {
                await error.WriteLineAsync($"error: {message}");
            }
            return code;
        }
    }

    private static async Task<(int Code, string? Message)> RunAsync(AdminInvocation invocation, Func<AdminInvocation, CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        try
        {
            await body(invocation, cancellationToken);
            return (ExitCodes.Success, null);
        }
        catch (AdminCommandException ex)
        {
            return (ex.ExitCode, ex.Message);
        }
        catch (ClusterUnreachableException ex)
        {
            return (ExitCodes.ClusterUnreachable, ex.Message);
        }
        catch (AdminAccessDeniedException ex)
        {
            var hint = invocation.AdminSecret is null ? " (this client has no Admin:Secret configured)" : "";
            return (ExitCodes.Refused, $"refused by the cluster: {ex.Message}{hint}");
        }
        catch (Exception ex) when (ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
        {
            return (ExitCodes.ClusterUnreachable, $"lost the connection to cluster '{invocation.ClusterId}': {ex.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (ExitCodes.Failure, "cancelled");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (ExitCodes.Failure, $"unexpected failure: {ex}");
        }
    }
}
