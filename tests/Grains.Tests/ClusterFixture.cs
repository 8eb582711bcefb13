using Xunit;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Actors.Grains.Tests;

/// <summary>One two-silo cluster shared by the tests of the collection; every test uses its own device and product IDs.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>A metric with specification limits 49 to 51 and <c>MinCpk</c> 1.33 for every product.</summary>
    public const string CapabilityMetric = "bore";

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifier:Sinks:0"] = "recording",
            ["Notifier:Cooldown"] = "00:00:02",
            ["Notifier:DeliveryInterval"] = "00:00:00.100",
            ["Notifier:RetryBaseDelay"] = "00:00:00.100",
            ["Notifier:RetryMaxDelay"] = "00:00:00.500",
            ["Devices:RulesRefreshInterval"] = "00:00:00",
            ["Spc:Overrides:0:Metric"] = CapabilityMetric,
            ["Spc:Overrides:0:Lsl"] = "49",
            ["Spc:Overrides:0:Usl"] = "51",
            ["Spc:Overrides:0:MinCpk"] = "1.33",
        }));
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
