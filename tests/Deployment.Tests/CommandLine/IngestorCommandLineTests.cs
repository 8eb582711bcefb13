using System.Text.RegularExpressions;
using Xunit;

namespace Actors.Deployment.Tests.CommandLine;

/// <summary>The ingestor's command line, run as the real program.</summary>
public sealed partial class IngestorCommandLineTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Simulate_for_twenty_seconds_prints_its_summary_with_every_default_alert_type_SPC_included()
    {
        var run = await IngestorProcess.RunAsync(Deadline, "simulate", "--duration", "20s", "--speed", "0");

        Assert.True(run.ExitCode == 0, run.ToString());
        var accepted = AcceptedRow().Match(run.Output);
        Assert.True(accepted.Success, $"no summary with accepted readings:\n{run}");
        Assert.True(long.Parse(accepted.Groups[1].Value) > 0, run.ToString());
        foreach (var type in new[] { "Threshold", "ZScore", "Provisional", "Confirmed" })
        {
            var alerts = Regex.Match(run.Output, $@"alerts: {type}\D*(\d+)");
            Assert.True(alerts.Success && long.Parse(alerts.Groups[1].Value) > 0, $"no {type} alerts in the summary:\n{run}");
        }
    }

    [Fact]
    public async Task Simulate_with_plain_progress_prints_progress_lines_and_its_summary()
    {
        var run = await IngestorProcess.RunAsync(Deadline, "simulate", "--duration", "20s", "--speed", "0", "--history", "0", "--plain");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} accepted \d+, rejected \d+", run.Output);
        Assert.Matches(AcceptedRow(), run.Output);
    }

    [Fact]
    public async Task A_malformed_duration_is_a_usage_error_that_shows_the_accepted_forms()
    {
        var run = await IngestorProcess.RunAsync(Deadline, "simulate", "--duration", "20x");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("'20x' is not a duration: use e.g. 20s, 15m, 1h30m, 2d or 00:20:00", run.Error + run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "simulate --duration 20s")]
    [InlineData("simulate", "simulate --duration 20m")]
    [InlineData("replay", "replay --input readings.ndjson")]
    [InlineData("generate", "generate --output readings.ndjson")]
    [InlineData("ingest", "ingest --stream readings")]
    public async Task Every_command_shows_an_example_in_its_help(string command, string example)
    {
        var run = await IngestorProcess.RunAsync(Deadline, [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Examples:", run.Output, StringComparison.Ordinal);
        Assert.Contains(example, run.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"readings accepted\D*(\d+)")]
    private static partial Regex AcceptedRow();
}
