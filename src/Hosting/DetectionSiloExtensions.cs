using Actors.Detection.Alarms;
using Actors.Grains.Alarms;
using Actors.Aws;
using Actors.Detection.Device;
using Actors.Detection.NoData;
using Actors.Detection.Spc;
using Actors.Hosting.Sinks;
using Actors.Hosting.Tls;
using Actors.Grains;
using Actors.Grains.Checkpoints;
using Actors.Grains.Device;
using Actors.Grains.Interfaces;
using Actors.Grains.Options;
using Actors.Grains.Rules;
using Actors.Grains.Silences;
using Actors.Grains.Sinks;
using Actors.Persistence.DynamoDB.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace Actors.Hosting;

public static class DetectionSiloExtensions
{
    /// <summary>
    /// Configures a silo of the detection cluster from configuration: membership, grain storage, detection settings
    /// and notification sinks. With no configuration it is a single local silo with in-memory state.
    /// </summary>
    public static ISiloBuilder AddDetectionSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = DetectionClusterOptionsReader.Read(configuration);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        silo.Services.AddOptions<ClusterMembershipOptions>().Bind(configuration.GetSection(DetectionClusterOptions.MembershipOptionsSection));
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
        if (configuration.GetSection(ClusterTlsOptions.SectionName).Get<ClusterTlsOptions>() is { Enabled: true } tls)
        {
            silo.UseClusterTls(ClusterCertificate.Load(tls));
        }
        silo.AddAdminAccess(configuration);
        silo.AddDataPlaneAccess(configuration);
        return silo.AddDetectionGrains(configuration);
    }

    /// <summary>
    /// The grains' services plus the start-up activation of the notifier shards; for any silo, including test clusters.
    /// Grain state is stored with the Orleans binary serializer: the state types are written for it (<c>[GenerateSerializer]</c>,
    /// <c>[Id]</c> on private fields); Orleans' default JSON storage serializer neither restores private fields nor
    /// resolves compiler-generated collection types, so state read back after a silo failure would be lost or unreadable.
    /// </summary>
    public static ISiloBuilder AddDetectionGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.Services.AddDetectionExceptionSerialization();
        silo.Services.AddDetectionServices(configuration);
        silo.AddStartupTask<NotifierStartup>();
        silo.Services.AddHostedService<NoDataSweeper>();
        return silo;
    }

    /// <summary>Options, metrics and sinks the grains need.</summary>
    public static IServiceCollection AddDetectionServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SpcOptions>().Bind(configuration.GetSection(SpcOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SpcOptions>, SpcOptionsValidator>();
        services.AddOptions<NotifierOptions>().Bind(configuration.GetSection(NotifierOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotifierOptions>, NotifierOptionsValidator>();
        services.AddOptions<AlarmOptions>().Bind(configuration.GetSection(AlarmOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlarmOptions>, AlarmOptionsValidator>();
        services.AddSingleton<DeviceAlarms>();
        services.AddOptions<NoDataOptions>().Bind(configuration.GetSection(NoDataOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NoDataOptions>, NoDataOptionsValidator>();
        services.AddSingleton<NoDataPolicy>();
        services.AddOptions<FileSinkOptions>().Bind(configuration.GetSection(FileSinkOptions.SectionName));
        services.AddOptions<DeviceGrainOptions>().Bind(configuration.GetSection(DeviceGrainOptions.SectionName))
            .Validate(o => o.MaxEventTimeJump > TimeSpan.Zero, $"{DeviceGrainOptions.SectionName}:{nameof(DeviceGrainOptions.MaxEventTimeJump)} must be positive.")
            .ValidateOnStart();
        services.AddOptions<DetectionRules>().Bind(configuration.GetSection("Rules"))
            .Validate(
                rules => rules.ZScore.MaxSamples is >= 2 and <= ZScoreSettings.MaxSamplesLimit,
                $"Rules:ZScore:{nameof(ZScoreSettings.MaxSamples)} must be between 2 and {ZScoreSettings.MaxSamplesLimit}.")
            .ValidateOnStart();
        services.AddSingleton(provider => new DeviceDetector(
            provider.GetRequiredService<IOptions<DeviceGrainOptions>>().Value.MaxEventTimeJump,
            new SeriesRulesBook(provider.GetRequiredService<IOptions<SpcOptions>>().Value)));
        services.AddSingleton<RulesCache>();
        services.AddOptions<SilenceOptions>().Bind(configuration.GetSection(SilenceOptions.SectionName))
            .Validate(o => o.RefreshInterval >= TimeSpan.Zero, $"{SilenceOptions.SectionName}:{nameof(SilenceOptions.RefreshInterval)} must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<SilenceCache>();
        services.AddSingleton<LimitsCache>();
        services.AddSingleton<DeviceGrainServices>();
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<DetectionMetrics>();
        services.AddSingleton<IStateWriteErrorClassifier, DynamoDBStateWriteErrorClassifier>();
        services.AddSingleton<INotificationSink, LogNotificationSink>();
        services.AddSingleton<INotificationSink, FileNotificationSink>();
        services.AddAwsOptions(configuration).AddSnsClient().AddKinesisClient();
        services.AddSingleton<INotificationSink, SnsNotificationSink>();
        services.AddSingleton<INotificationSink, AnomalyStreamNotificationSink>();
        services.AddSingleton<INotificationSink, CommandNotificationSink>();
        var sinks = configuration.GetSection($"{NotifierOptions.SectionName}:{nameof(NotifierOptions.Sinks)}").Get<string[]>() ?? [];
        var sns = services.AddOptions<SnsSinkOptions>().Bind(configuration.GetSection(SnsSinkOptions.SectionName));
        if (sinks.Contains("sns", StringComparer.OrdinalIgnoreCase))
        {
            sns.Validate(o => !string.IsNullOrWhiteSpace(o.TopicArn), $"{SnsSinkOptions.SectionName}:{nameof(SnsSinkOptions.TopicArn)} is required when {NotifierOptions.SectionName}:{nameof(NotifierOptions.Sinks)} contains 'sns'.").ValidateOnStart();
        }
        var stream = services.AddOptions<AnomalyStreamSinkOptions>().Bind(configuration.GetSection(AnomalyStreamSinkOptions.SectionName));
        if (sinks.Contains("kinesis", StringComparer.OrdinalIgnoreCase))
        {
            stream.Validate(o => !string.IsNullOrWhiteSpace(o.StreamName), $"{AnomalyStreamSinkOptions.SectionName}:{nameof(AnomalyStreamSinkOptions.StreamName)} is required when {NotifierOptions.SectionName}:{nameof(NotifierOptions.Sinks)} contains 'kinesis'.").ValidateOnStart();
        }
        services.AddSingleton<IValidateOptions<CommandOptions>, CommandOptionsValidator>();
        services.AddOptions<CommandOptions>().Bind(configuration.GetSection(CommandOptions.SectionName))
            .Validate(
                o => o.Rules.Count == 0 || sinks.Contains("commands", StringComparer.OrdinalIgnoreCase),
                $"{CommandOptions.SectionName}:{nameof(CommandOptions.Rules)} is set but {NotifierOptions.SectionName}:{nameof(NotifierOptions.Sinks)} does not contain 'commands', which sends them.")
            .ValidateOnStart();
        return services;
    }
}
