using Actors.Grains.Interfaces;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Xunit;

namespace Actors.Admin.Tests;

/// <summary>A silo with no <c>Admin:Secret</c> refuses every admin operation, whatever secret the caller presents.</summary>
public sealed class SiloWithoutSecretTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>()));
        builder.AddSiloBuilderConfigurator<AdminSiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Admin_operations_are_refused_with_a_message_saying_to_configure_the_secret()
    {
        var rules = _cluster.Client.GetGrain<IRulesGrain>(RulesGrainKey.Default);
        var before = await rules.Get();

        var run = await AdminRunner.ExpectAsync(ExitCodes.Refused, _cluster.Client, "any-secret", "rules", "set", "--threshold", "temperature:30");

        Assert.Contains("no admin secret is configured on the silo. Configure Admin:Secret", run.Error);
        Assert.Equal(before.Version, (await rules.Get()).Version);
    }
}
