using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Providers;

namespace Actors.Persistence.DynamoDB.Hosting;

/// <summary>Registers DynamoDB grain storage providers on an <see cref="ISiloBuilder"/>.</summary>
public static class DynamoDBGrainStorageSiloBuilderExtensions
{
    /// <summary>Adds DynamoDB grain storage as the default provider (the one grains use when they name none).</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configureOptions">Sets the provider's options.</param>
    /// <returns>The same builder.</returns>
    public static ISiloBuilder AddDynamoDBGrainStorageAsDefault(this ISiloBuilder builder, Action<DynamoDBGrainStorageOptions> configureOptions) =>
        builder.AddDynamoDBGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds DynamoDB grain storage as the default provider (the one grains use when they name none).</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configureOptions">Configures the provider's options builder, for example to bind configuration.</param>
    /// <returns>The same builder.</returns>
    public static ISiloBuilder AddDynamoDBGrainStorageAsDefault(
        this ISiloBuilder builder, Action<OptionsBuilder<DynamoDBGrainStorageOptions>>? configureOptions = null) =>
        builder.AddDynamoDBGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds a DynamoDB grain storage provider called <paramref name="name"/>.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider's name, as grains give it in <c>[PersistentState(stateName, name)]</c>.</param>
    /// <param name="configureOptions">Sets the provider's options.</param>
    /// <returns>The same builder.</returns>
    public static ISiloBuilder AddDynamoDBGrainStorage(this ISiloBuilder builder, string name, Action<DynamoDBGrainStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureServices(services => services.AddDynamoDBGrainStorage(name, configureOptions));
    }

    /// <summary>Adds a DynamoDB grain storage provider called <paramref name="name"/>.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider's name, as grains give it in <c>[PersistentState(stateName, name)]</c>.</param>
    /// <param name="configureOptions">Configures the provider's options builder, for example to bind configuration.</param>
    /// <returns>The same builder.</returns>
    public static ISiloBuilder AddDynamoDBGrainStorage(
        this ISiloBuilder builder, string name, Action<OptionsBuilder<DynamoDBGrainStorageOptions>>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureServices(services => services.AddDynamoDBGrainStorage(name, configureOptions));
    }
}
