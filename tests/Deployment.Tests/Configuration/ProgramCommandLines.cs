using System.CommandLine;
using System.Reflection;
using Actors.Admin;
using Actors.Admin.Connection;
using Actors.Ingestor.Commands;
using Microsoft.Extensions.Configuration;

namespace Actors.Deployment.Tests.Configuration;

/// <summary>Parses a container's command with the real command line of the program it runs, without running it.</summary>
public static class ProgramCommandLines
{
    /// <summary>
    /// The parse errors of <paramref name="args"/> for the ingestor: its root command holds every
    /// <c>public static Command Create()</c> of <c>Actors.Ingestor.Commands</c>, as Program.cs does.
    /// </summary>
    public static IReadOnlyList<string> IngestorErrors(IReadOnlyList<string> args)
    {
        var root = new RootCommand();
        var commands = typeof(SimulateCommand).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(SimulateCommand).Namespace && t is { IsAbstract: true, IsSealed: true })
            .Select(t => t.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes))
            .Where(m => m is not null && typeof(Command).IsAssignableFrom(m.ReturnType));
        foreach (var create in commands)
        {
            root.Subcommands.Add((Command)create!.Invoke(null, null)!);
        }
        return root.Parse(args.ToArray()).Errors.Select(e => e.Message).ToList();
    }

    /// <summary>The parse errors of <paramref name="args"/> for the admin client.</summary>
    public static IReadOnlyList<string> AdminErrors(IReadOnlyList<string> args)
    {
        var app = new AdminApp(new ConfigurationBuilder().Build(), new OrleansClusterConnector(), TextWriter.Null, TextWriter.Null);
        return app.CreateRootCommand().Parse(args.ToArray()).Errors.Select(e => e.Message).ToList();
    }
}
