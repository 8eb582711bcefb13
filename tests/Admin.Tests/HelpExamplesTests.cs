using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Actors.Admin.Tests;

/// <summary>Every admin command's <c>--help</c> ends with examples of calling that command.</summary>
public sealed class HelpExamplesTests
{
    [Fact]
    public async Task Every_command_shows_an_example_of_itself_in_its_help()
    {
        var configuration = new ConfigurationBuilder().Build();
        var root = new AdminApp(configuration, new NoClusterConnector(), TextWriter.Null, TextWriter.Null).CreateRootCommand();
        var paths = Paths(root, []).ToList();

        Assert.True(paths.Count >= 12, $"expected the whole command tree, found {paths.Count} commands");
        foreach (var path in paths)
        {
            var run = await AdminRunner.RunAsync(new NoClusterConnector(), configuration, [.. path, "--help"]);
            var examples = run.Output.Split("Examples:", 2);
            Assert.True(run.ExitCode == 0 && examples.Length == 2, $"no examples in the help of '{string.Join(' ', path)}':\n{run}");
            var prefix = string.Join(' ', path);
            Assert.Contains(examples[1].Split('\n').Select(line => line.Trim()), line => line.Length > 0 && line.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    private static IEnumerable<string[]> Paths(Command command, string[] path)
    {
        yield return path;
        foreach (var child in command.Subcommands)
        {
            foreach (var descendant in Paths(child, [.. path, child.Name]))
            {
                yield return descendant;
            }
        }
    }
}
