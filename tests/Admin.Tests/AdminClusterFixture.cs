using Xunit;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Actors.Admin.Tests;

/// <summary>
/// One two-silo cluster with <c>Admin:Secret</c> configured and the admin access filter installed, shared by the tests of
/// the collection; every test uses its own device and product IDs.
/// </summary>
public sealed class AdminClusterFixture : IAsyncLifetime
{
    /// <summary>The secret the silos are configured with.</summary>
    public const string Secret = "test-admin-secret-5f1c9a";

    public TestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Admin:Secret"] = Secret,
            ["Devices:RulesRefreshInterval"] = "00:00:00",
            ["Devices:LimitsRefreshInterval"] = "00:00:00",
        }));
        builder.AddSiloBuilderConfigurator<AdminSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
