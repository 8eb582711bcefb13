using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Xunit;

namespace Actors.Grains.Tests.Alarms;

/// <summary>
/// A two-silo cluster whose threshold anomalies raise alarms and whose state survives a killed silo; its own cluster,
/// because the other grain tests count notifications that alarms would add to, and because a test kills a silo. Index
/// shards write only when they deactivate (their interval is an hour), so a test can count their writes.
/// </summary>
public sealed class AlarmClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifier:Sinks:0"] = "recording",
            ["Notifier:DeliveryInterval"] = "00:00:00.100",
            ["Devices:RulesRefreshInterval"] = "00:00:00",
            ["Alarms:Rules:Threshold:Severity"] = "3",
            ["Alarms:Rules:Threshold:Latch"] = "true",
            ["Alarms:Rules:Threshold:Deadband"] = "1",
            ["Alarms:Rules:Threshold:RenotifyInterval"] = "00:00:00.500",
            ["Alarms:TimerInterval"] = "00:00:00.100",
            ["Alarms:IndexWriteInterval"] = "01:00:00",
        }));
        builder.AddSiloBuilderConfigurator<ProcessWideStorageSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
