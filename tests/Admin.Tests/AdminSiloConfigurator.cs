using Actors.Grains;
using Actors.Hosting;
using Orleans.TestingHost;

namespace Actors.Admin.Tests;

/// <summary>Silos of the test cluster: the production services and admin access restriction, with in-memory state.</summary>
public sealed class AdminSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddMemoryGrainStorage(StorageNames.State);
        siloBuilder.Services.AddDetectionServices(siloBuilder.Configuration);
        siloBuilder.AddAdminAccess(siloBuilder.Configuration);
    }
}
