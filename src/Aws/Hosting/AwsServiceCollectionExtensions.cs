using Actors.Aws.Kinesis;
using Amazon.Extensions.NETCore.Setup;
using Actors.Aws.Sns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Actors.Aws;

/// <summary>
/// Registers <see cref="AwsOptions"/>, the AWS SDK's <see cref="AWSOptions"/> made from them (so SDK clients such as
/// DynamoDB's take the same region and endpoint), and the project's own Kinesis and SNS clients.
/// </summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>The service key of the <see cref="HttpClient"/> the AWS clients share.</summary>
    public const string HttpClientKey = "Actors.Aws";

    /// <summary>
    /// Binds <see cref="AwsOptions"/> to the <see cref="AwsOptions.SectionName"/> section of
    /// <paramref name="configuration"/> and validates them when the host starts.
    /// </summary>
    /// <param name="services">The services to add to.</param>
    /// <param name="configuration">The configuration whose <c>Aws</c> section holds the options.</param>
    public static IServiceCollection AddAwsOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AwsOptions>().Bind(configuration.GetSection(AwsOptions.SectionName)).ValidateOnStart();
        AddShared(services);
        return services;
    }

    /// <summary>
    /// Binds <see cref="AwsOptions"/> to the <see cref="AwsOptions.SectionName"/> section of the host's
    /// <see cref="IConfiguration"/> and validates them when the host starts.
    /// </summary>
    /// <param name="services">The services to add to.</param>
    public static IServiceCollection AddAwsOptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.SectionName).ValidateOnStart();
        AddShared(services);
        return services;
    }

    /// <summary>
    /// Registers <see cref="IKinesisClient"/> (as <see cref="KinesisClient"/>) and <see cref="KinesisPutter"/> as
    /// singletons. To use the official AWSSDK.Kinesis package instead, register an adapter as
    /// <see cref="IKinesisClient"/> before calling this.
    /// </summary>
    /// <param name="services">The services to add to.</param>
    public static IServiceCollection AddKinesisClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddShared(services);
        services.TryAddSingleton<IKinesisClient>(provider => new KinesisClient(
            provider.GetRequiredKeyedService<HttpClient>(HttpClientKey),
            provider.GetRequiredService<IOptions<AwsOptions>>(),
            LoggerFor<KinesisClient>(provider)));
        services.TryAddSingleton(provider => new KinesisPutter(
            provider.GetRequiredService<IKinesisClient>(),
            provider.GetRequiredService<IOptions<AwsOptions>>(),
            LoggerFor<KinesisPutter>(provider)));
        return services;
    }

    /// <summary>
    /// Registers <see cref="ISnsClient"/> (as <see cref="SnsClient"/>) as a singleton. To use the official
    /// AWSSDK.SimpleNotificationService package instead, register an adapter as <see cref="ISnsClient"/> before calling this.
    /// </summary>
    /// <param name="services">The services to add to.</param>
    public static IServiceCollection AddSnsClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddShared(services);
        services.TryAddSingleton<ISnsClient>(provider => new SnsClient(
            provider.GetRequiredKeyedService<HttpClient>(HttpClientKey),
            provider.GetRequiredService<IOptions<AwsOptions>>(),
            LoggerFor<SnsClient>(provider)));
        return services;
    }

    private static void AddShared(IServiceCollection services)
    {
        services.AddOptions<AwsOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsOptionsValidator>());
        services.TryAddDefaultAWSOptions(provider => provider.GetRequiredService<IOptions<AwsOptions>>().Value.ToSdkOptions(), ServiceLifetime.Singleton);
        services.TryAddKeyedSingleton(HttpClientKey, static (_, _) => new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        }));
    }

    private static ILogger<T> LoggerFor<T>(IServiceProvider provider) =>
        provider.GetService<ILoggerFactory>()?.CreateLogger<T>() ?? NullLogger<T>.Instance;
}
