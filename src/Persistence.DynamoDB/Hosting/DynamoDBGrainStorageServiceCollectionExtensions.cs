using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Actors.Persistence.DynamoDB.Hosting;

/// <summary>Registers DynamoDB grain storage providers on an <see cref="IServiceCollection"/>.</summary>
public static class DynamoDBGrainStorageServiceCollectionExtensions
{
    /// <summary>Adds DynamoDB grain storage as the default provider (the one grains use when they name none).</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="configureOptions">Sets the provider's options.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddDynamoDBGrainStorageAsDefault(this IServiceCollection services, Action<DynamoDBGrainStorageOptions> configureOptions) =>
        services.AddDynamoDBGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds DynamoDB grain storage as the default provider (the one grains use when they name none).</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="configureOptions">Configures the provider's options builder, for example to bind configuration.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddDynamoDBGrainStorageAsDefault(
        this IServiceCollection services, Action<OptionsBuilder<DynamoDBGrainStorageOptions>>? configureOptions = null) =>
        services.AddDynamoDBGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds a DynamoDB grain storage provider called <paramref name="name"/>.</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="name">The provider's name, as grains give it in <c>[PersistentState(stateName, name)]</c>.</param>
    /// <param name="configureOptions">Sets the provider's options.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddDynamoDBGrainStorage(this IServiceCollection services, string name, Action<DynamoDBGrainStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        return services.AddDynamoDBGrainStorage(name, builder => builder.Configure(configureOptions));
    }

    /// <summary>Adds a DynamoDB grain storage provider called <paramref name="name"/>.</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="name">The provider's name, as grains give it in <c>[PersistentState(stateName, name)]</c>.</param>
    /// <param name="configureOptions">Configures the provider's options builder, for example to bind configuration.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddDynamoDBGrainStorage(
        this IServiceCollection services, string name, Action<OptionsBuilder<DynamoDBGrainStorageOptions>>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        configureOptions?.Invoke(services.AddOptions<DynamoDBGrainStorageOptions>(name));
        services.AddMetrics();
        services.TryAddSingleton<DynamoDBWriteMeter>();
        services.AddTransient<IConfigurationValidator>(sp => new DynamoDBGrainStorageOptionsValidator(
            sp.GetRequiredService<IOptionsMonitor<DynamoDBGrainStorageOptions>>().Get(name), name));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IPostConfigureOptions<DynamoDBGrainStorageOptions>,
            DefaultStorageProviderSerializerOptionsConfigurator<DynamoDBGrainStorageOptions>>());
        services.ConfigureNamedOptionForLogging<DynamoDBGrainStorageOptions>(name);
        return services.AddGrainStorage(name, DynamoDBGrainStorageFactory.Create);
    }
}
