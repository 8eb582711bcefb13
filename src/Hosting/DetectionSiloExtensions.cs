using Actors.Detection.Spc;
using Actors.Grains;
using Actors.Grains.Interfaces;
using Actors.Grains.Options;
using Actors.Grains.Sinks;
using Actors.Persistence.DynamoDB.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Actors.Hosting;

public static class DetectionSiloExtensions
{
    /// <summary>
    /// Configures a silo of the detection cluster from configuration: membership, grain storage, detection settings
    /// and notification sinks. With no configuration it is a single local silo with in-memory state.
    /// </summary>
    public static ISiloBuilder AddDetectionSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = ClusterSettingsReader.Read(configuration);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        switch (cluster.Membership)
        {
            case MembershipKind.Localhost:
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                break;
            case MembershipKind.Redis:
                silo.UseRedisClustering(cluster.RedisConnectionString!);
                silo.ConfigureEndpoints(AdvertisedAddress.Resolve(cluster), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                break;
        }
        switch (cluster.Storage)
        {
            case StorageKind.Memory:
                silo.AddMemoryGrainStorage(StorageNames.State);
                break;
            case StorageKind.DynamoDB:
                silo.AddDynamoDBGrainStorage(StorageNames.State, options => options.BindConfiguration("DynamoDB"));
                break;
        }
        silo.Services.AddDetectionServices(configuration);
        silo.AddStartupTask<NotifierStartup>();
        return silo;
    }

    /// <summary>Options, metrics and sinks the grains need (also used by test clusters).</summary>
    public static IServiceCollection AddDetectionServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SpcSettings>().Bind(configuration.GetSection(SpcSettings.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SpcSettings>, SpcSettingsValidator>();
        services.AddOptions<NotifierOptions>().Bind(configuration.GetSection(NotifierOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotifierOptions>, NotifierOptionsValidator>();
        services.AddOptions<FileSinkOptions>().Bind(configuration.GetSection(FileSinkOptions.Section));
        services.AddOptions<DeviceGrainOptions>().Bind(configuration.GetSection(DeviceGrainOptions.Section));
        services.AddOptions<DetectionRules>().Bind(configuration.GetSection("Rules"));
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<DetectionMetrics>();
        services.AddSingleton<INotificationSink, LogNotificationSink>();
        services.AddSingleton<INotificationSink, FileNotificationSink>();
        return services;
    }
}
