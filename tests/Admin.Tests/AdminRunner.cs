using Actors.Admin.Connection;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Actors.Admin.Tests;

/// <summary>Runs the admin client's command line in-process, as the program does, against a given connector and configuration.</summary>
public static class AdminRunner
{
    /// <summary>Runs against an already connected client, with <paramref name="secret"/> as <c>Admin:Secret</c> (null: none).</summary>
    public static Task<AdminRun> RunAsync(IGrainFactory grains, string? secret, params string[] args) =>
        RunAsync(new ExistingClientConnector(grains), Configuration(("Admin:Secret", secret)), args);

    /// <summary>Runs with the given connector and configuration.</summary>
    public static async Task<AdminRun> RunAsync(IClusterConnector connector, IConfiguration configuration, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await new AdminApp(configuration, connector, output, error).RunAsync(args);
        return new AdminRun(args, code, output.ToString(), error.ToString());
    }

    /// <summary>Runs and asserts the exit code, showing everything written when it differs.</summary>
    public static async Task<AdminRun> ExpectAsync(int exitCode, IGrainFactory grains, string? secret, params string[] args)
    {
        var run = await RunAsync(grains, secret, args);
        Assert.True(run.ExitCode == exitCode, $"expected exit {exitCode}: {run}");
        return run;
    }

    /// <summary>An in-memory configuration of the given keys (null values are left out).</summary>
    public static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
