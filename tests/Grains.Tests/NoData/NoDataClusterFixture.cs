using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Xunit;

namespace Actors.Grains.Tests.NoData;

/// <summary>
/// A two-silo cluster whose devices raise a NoData alarm after 2 s of silence (20 s for product <see cref="SlowProduct"/>),
/// watched in 16 shards swept every 200 ms on the wall clock, with state that survives a killed silo.
/// </summary>
public sealed class NoDataClusterFixture : IAsyncLifetime
{
    public const string SlowProduct = "slow-line";
    public const int Shards = 16;
    public static readonly TimeSpan After = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan SlowAfter = TimeSpan.FromSeconds(20);

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifier:Sinks:0"] = "recording",
            ["Notifier:DeliveryInterval"] = "00:00:00.100",
            ["NoData:After"] = After.ToString(),
            ["NoData:Overrides:0:ProductId"] = SlowProduct,
            ["NoData:Overrides:0:After"] = SlowAfter.ToString(),
            ["NoData:Shards"] = Shards.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NoData:Resolution"] = "00:00:01",
            ["NoData:SweepInterval"] = "00:00:00.200",
        }));
        builder.AddSiloBuilderConfigurator<ProcessWideStorageSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
