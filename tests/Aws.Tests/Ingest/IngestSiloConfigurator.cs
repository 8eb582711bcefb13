using Actors.Grains;
using Actors.Hosting;
using Orleans.TestingHost;

namespace Actors.Aws.Tests.Ingest;

/// <summary>Silos of the ingest test cluster: the production grain services with in-memory state.</summary>
public sealed class IngestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddMemoryGrainStorage(StorageNames.State);
        siloBuilder.Services.AddDetectionServices(siloBuilder.Configuration);
    }
}
