using Actors.Aws;
using Actors.Detection.Parsing;
using Actors.Ingestor.DeadLetters;
using Actors.Ingestor.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Actors.Ingestor.Kinesis;

/// <summary>Registers the Kinesis ingest worker and what it needs.</summary>
public static class KinesisIngestServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="KinesisIngestOptions"/> (section <c>Kinesis</c>, validated), <see cref="CheckpointOptions"/>, the AWS options and Kinesis client
    /// (section <c>Aws</c>), the reading parser (section <c>Parsing</c>), the dead-letter file or stream, the metrics (alert latency too) and
    /// <see cref="KinesisIngestWorker"/>. The caller registers the <see cref="IGrainFactory"/> to send readings to, and logging.
    /// </summary>
    public static IServiceCollection AddKinesisIngest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        services.AddOptions<KinesisIngestOptions>().Bind(configuration.GetSection(KinesisIngestOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KinesisIngestOptions>, KinesisIngestOptionsValidator>());
        services.AddOptions<CheckpointOptions>().Bind(configuration.GetSection(CheckpointOptions.SectionName))
            .Validate(o => o.Interval > TimeSpan.Zero && o.Records >= 0, $"{CheckpointOptions.SectionName}:Interval must be positive and {CheckpointOptions.SectionName}:Records 0 or more.")
            .ValidateOnStart();
        services.AddAwsOptions(configuration);
        services.AddKinesisClient();
        services.AddReadingParser();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<KinesisIngestMetrics>();
        services.TryAddSingleton<AlertLatencyMetrics>();
        services.TryAddSingleton<DeadLetterFile>();
        services.TryAddSingleton<DeadLetterStream>();
        services.TryAddSingleton<IDeadLetterSink>(provider => string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<KinesisIngestOptions>>().Value.DeadLetterStream)
            ? provider.GetRequiredService<DeadLetterFile>()
            : provider.GetRequiredService<DeadLetterStream>());
        services.TryAddSingleton<KinesisIngestWorker>();
        return services;
    }

    /// <summary>
    /// <see cref="AddKinesisIngest"/>, and runs the worker as a <see cref="KinesisIngestService"/> of the host. Call after
    /// <c>UseOrleans</c> or <c>UseOrleansClient</c>, so the worker starts after the grains are reachable and stops before.
    /// </summary>
    public static IServiceCollection AddKinesisIngestService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddKinesisIngest(configuration);
        services.AddHostedService<KinesisIngestService>();
        return services;
    }
}
