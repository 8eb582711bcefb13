using System.Text.RegularExpressions;
using Orleans;
using Orleans.Runtime;

namespace Actors.Persistence.DynamoDB;

/// <summary>
/// Checks one named <see cref="DynamoDBGrainStorageOptions"/> when the silo starts and names the bad property.
/// </summary>
public sealed partial class DynamoDBGrainStorageOptionsValidator : IConfigurationValidator
{
    private readonly DynamoDBGrainStorageOptions _options;
    private readonly string _name;

    /// <summary>Creates a validator of the options of the provider called <paramref name="name"/>.</summary>
    /// <param name="options">The options to check.</param>
    /// <param name="name">The provider's name, quoted in the error.</param>
    public DynamoDBGrainStorageOptionsValidator(DynamoDBGrainStorageOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(name);
        _options = options;
        _name = name;
    }

    /// <summary>Throws <see cref="OrleansConfigurationException"/> naming the first invalid property.</summary>
    public void ValidateConfiguration()
    {
        if (string.IsNullOrWhiteSpace(_options.TableName) || !TableNamePattern().IsMatch(_options.TableName))
        {
            throw Invalid(nameof(DynamoDBGrainStorageOptions.TableName),
                $"'{_options.TableName}' is not a DynamoDB table name (3 to 255 characters of a-z, A-Z, 0-9, '_', '-', '.')");
        }

        if (_options.ServiceUrl is { } serviceUrl
            && (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw Invalid(nameof(DynamoDBGrainStorageOptions.ServiceUrl), $"'{serviceUrl}' is not an absolute http or https URL");
        }

        if (_options.Region is { } region && string.IsNullOrWhiteSpace(region))
        {
            throw Invalid(nameof(DynamoDBGrainStorageOptions.Region), "it is empty");
        }

        if (_options.MaxErrorRetry < 0)
        {
            throw Invalid(nameof(DynamoDBGrainStorageOptions.MaxErrorRetry), $"{_options.MaxErrorRetry} is negative");
        }
    }

    private OrleansConfigurationException Invalid(string property, string reason) =>
        new($"Configuration for DynamoDB grain storage '{_name}' is invalid: {nameof(DynamoDBGrainStorageOptions)}.{property}: {reason}.");

    [GeneratedRegex("^[a-zA-Z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();
}
