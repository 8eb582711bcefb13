using Xunit;

namespace Actors.Admin.Tests;

/// <summary>Bad command lines and files exit 4 with a message, before any connection to the cluster is made.</summary>
public sealed class BadInputTests
{
    private static Task<AdminRun> RunAsync(params string[] args) =>
        AdminRunner.RunAsync(new NoClusterConnector(), AdminRunner.Configuration(("Admin:Secret", "s")), args);

    [Theory]
    [InlineData("device", "show")]
    [InlineData("device", "list")]
    [InlineData("alerts", "list", "--type", "Bogus")]
    [InlineData("alerts", "list", "--limit", "many")]
    [InlineData("rules", "set", "--zscore-enabled", "maybe")]
    [InlineData("rules", "set")]
    [InlineData("rules", "set", "--threshold", "temperature")]
    [InlineData("rules", "set", "--remove-threshold", "temperature:30")]
    [InlineData("rules", "set", "--file", "/nonexistent/rules.json")]
    [InlineData("product", "limits", "import", "/nonexistent/limits.ndjson")]
    [InlineData("alerts", "list", "--since", "soon")]
    [InlineData("device", "show", " ")]
    public async Task Exits_4_with_a_message(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.ToString());
        Assert.StartsWith("error: ", run.Error);
    }

    [Fact]
    public async Task Help_is_not_an_error()
    {
        var run = await RunAsync("rules", "set", "--help");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("--zscore-min-samples", run.Output);
    }
}
