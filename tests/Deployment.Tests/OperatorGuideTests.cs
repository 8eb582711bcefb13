using System.Reflection;
using System.Text.RegularExpressions;
using Actors.Hosting.Telemetry;
using Xunit;

namespace Actors.Deployment.Tests;

/// <summary>deploy/README.md tells operators what to watch: the names it gives must be the ones the programs emit.</summary>
public sealed partial class OperatorGuideTests
{
    private readonly string _guide = DeploymentFiles.Text("deploy/README.md");

    [Fact]
    public void Metric_names_to_watch_are_emitted_by_the_programs_or_by_orleans()
    {
        var names = MetricName().Matches(_guide).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(names.Count >= 10, $"Only {names.Count} metric names found in deploy/README.md.");
        var sources = string.Concat(Directory.EnumerateFiles(RepositoryRoot.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var instrumentNames = Assembly.Load("Orleans.Core").GetType("Orleans.Runtime.InstrumentNames", throwOnError: true)!;
        var orleans = instrumentNames.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string?)f.GetRawConstantValue())
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(orleans);
        var unknown = names.Where(n => n.StartsWith("orleans-", StringComparison.Ordinal) ? !orleans.Contains(n) : !sources.Contains($"\"{n}\"", StringComparison.Ordinal)).ToList();
        Assert.True(unknown.Count == 0, "Metric names in deploy/README.md that nothing emits: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_exported_meter_is_named()
    {
        foreach (var meter in DetectionTelemetryExtensions.MeterNames)
        {
            Assert.Contains($"`{meter}`", _guide, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"`((?:detection|ingestor)\.[a-z_.]+|orleans-[a-z-]+)`")]
    private static partial Regex MetricName();
}
