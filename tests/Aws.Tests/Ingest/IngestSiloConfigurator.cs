using Actors.Grains;
using Actors.Hosting;
using Actors.TestSupport;
using Orleans.TestingHost;

namespace Actors.Aws.Tests.Ingest;

/// <summary>Silos of the ingest test cluster: the production grain services with in-memory state, a device grain that fails on a poison reading, a record of the product checkpoints, and devices slow to write.</summary>
public sealed class IngestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddMemoryGrainStorage(StorageNames.State);
        siloBuilder.Services.AddDetectionServices(siloBuilder.Configuration);
        siloBuilder.AddIncomingGrainCallFilter<PoisonReadingFilter>();
        siloBuilder.AddIncomingGrainCallFilter<ProductPersistCalls>();
        siloBuilder.AddIncomingGrainCallFilter<SlowPersistFilter>();
    }
}
