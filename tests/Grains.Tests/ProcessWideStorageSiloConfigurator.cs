using Actors.Grains.Sinks;
using Actors.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Actors.Grains.Tests;

/// <summary>Silos whose grain state survives a killed silo (<see cref="ProcessWideGrainStorage"/>).</summary>
public sealed class ProcessWideStorageSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.State, (services, _) => ActivatorUtilities.CreateInstance<ProcessWideGrainStorage>(services));
        siloBuilder.AddDetectionGrains(siloBuilder.Configuration);
        siloBuilder.Services.AddSingleton<INotificationSink>(RecordingSink.Instance);
    }
}
