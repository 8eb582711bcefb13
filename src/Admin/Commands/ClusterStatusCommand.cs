using System.CommandLine;
using Actors.Admin.Output;
using Actors.Hosting.CommandLine;
using Spectre.Console;

namespace Actors.Admin.Commands;

/// <summary><c>cluster status [--include-dead]</c>: the silos with their status and activations, and activations by grain type.</summary>
public static class ClusterStatusCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(AdminApp app)
    {
        var includeDead = new Option<bool>("--include-dead") { Description = "Also list silos the membership table records as dead" };
        var command = new Command("status", HelpText.WithExamples("Silos with their status and activation counts, and activations by grain type", "cluster status", "cluster status --include-dead --json")) { includeDead };
        command.SetAction((parse, cancellationToken) => app.RunCommandAsync(parse, cancellationToken, async (invocation, ct) =>
        {
            var grains = await invocation.ConnectAsync(ct);
            var management = grains.GetGrain<IManagementGrain>(0);
            var hosts = await management.GetDetailedHosts(onlyActive: !parse.GetValue(includeDead));
            var statistics = await management.GetSimpleGrainStatistics();
            var bySilo = statistics.GroupBy(s => s.SiloAddress).ToDictionary(g => g.Key, g => g.Sum(s => (long)s.ActivationCount));
            var silos = hosts
                .OrderBy(h => h.Status == SiloStatus.Active ? 0 : 1)
                .ThenBy(h => h.SiloAddress.ToString(), StringComparer.Ordinal)
                .Select(h => new SiloReport
                {
                    Address = h.SiloAddress.ToString(),
                    Name = h.SiloName,
                    HostName = h.HostName,
                    Status = h.Status.ToString(),
                    StartTime = h.StartTime,
                    LastHeartbeat = h.IAmAliveTime,
                    Activations = bySilo.GetValueOrDefault(h.SiloAddress),
                })
                .ToArray();
            var types = statistics
                .GroupBy(s => s.GrainType, StringComparer.Ordinal)
                .Select(g => new GrainTypeReport { GrainType = g.Key, Activations = g.Sum(s => (long)s.ActivationCount) })
                .OrderByDescending(t => t.Activations)
                .ThenBy(t => t.GrainType, StringComparer.Ordinal)
                .ToArray();
            invocation.Report(new ClusterStatusReport
            {
                ClusterId = invocation.ClusterId,
                Silos = silos,
                ActiveSilos = hosts.Count(h => h.Status == SiloStatus.Active),
                TotalActivations = types.Sum(t => t.Activations),
                GrainTypes = types,
            }, Render);
        }));
        return command;
    }

    private static void Render(IAnsiConsole console, ClusterStatusReport report)
    {
        Readable.Heading(console, $"Cluster {report.ClusterId}: {report.ActiveSilos} active silo(s), {Readable.Count(report.TotalActivations)} activations");
        var silos = Readable.Table("Silo", "Name", "Host", "Status", "Started (UTC)", "Last heartbeat (UTC)", "Activations");
        foreach (var s in report.Silos)
        {
            silos.AddText(s.Address, s.Name, s.HostName, s.Status, Readable.Time(s.StartTime), Readable.Time(s.LastHeartbeat), Readable.Count(s.Activations));
        }
        console.Write(silos);
        var types = Readable.Table("Grain type", "Activations");
        foreach (var t in report.GrainTypes)
        {
            types.AddText(t.GrainType, Readable.Count(t.Activations));
        }
        console.Write(types);
    }
}
