using Actors.Grains;
using Actors.Grains.Sinks;
using Actors.Hosting;
using Actors.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Actors.Grains.Tests;

/// <summary>Silos of the test cluster: the production services, in-memory state and a sink the tests control.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddMemoryGrainStorage(StorageNames.State);
        siloBuilder.AddDetectionGrains(siloBuilder.Configuration);
        siloBuilder.Services.AddSingleton<INotificationSink>(RecordingSink.Instance);
        siloBuilder.AddIncomingGrainCallFilter<PoisonReadingFilter>();
    }
}
