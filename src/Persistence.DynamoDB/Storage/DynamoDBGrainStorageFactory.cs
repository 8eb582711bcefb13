using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actors.Persistence.DynamoDB;

/// <summary>Creates the <see cref="DynamoDBGrainStorage"/> of one named provider from the silo's services.</summary>
public static class DynamoDBGrainStorageFactory
{
    /// <summary>Creates the provider called <paramref name="name"/> with its named options.</summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="name">The provider's name.</param>
    /// <returns>The provider, not yet started.</returns>
    public static DynamoDBGrainStorage Create(IServiceProvider services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        var options = services.GetRequiredService<IOptionsMonitor<DynamoDBGrainStorageOptions>>().Get(name);
        return ActivatorUtilities.CreateInstance<DynamoDBGrainStorage>(services, name, options);
    }
}
