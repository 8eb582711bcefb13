using Orleans.TestingHost;
using Xunit;

namespace Actors.Aws.Tests.Ingest;

/// <summary>A two-silo cluster for the ingest tests of one class; every test uses its own stream and device IDs.</summary>
public sealed class IngestClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<IngestSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
