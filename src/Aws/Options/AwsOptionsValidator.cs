using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Actors.Aws;

/// <summary>Checks <see cref="AwsOptions"/> and names the first bad property.</summary>
public sealed partial class AwsOptionsValidator : IValidateOptions<AwsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var error = FindError(options);
        return error is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> naming the first bad property, if any.</summary>
    /// <param name="options">The options to check.</param>
    public static void ThrowIfInvalid(AwsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var error = FindError(options);
        if (error is not null)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(AwsOptions), [error]);
        }
    }

    private static string? FindError(AwsOptions options)
    {
        const string prefix = AwsOptions.SectionName + ":";
        if (options.ServiceUrl is not null && !IsHttpUrl(options.ServiceUrl))
        {
            return $"{prefix}{nameof(AwsOptions.ServiceUrl)} must be an absolute http or https URL without a path, query or user info, such as http://127.0.0.1:4566 (was '{options.ServiceUrl}').";
        }
        if (string.IsNullOrWhiteSpace(options.Region) || !RegionPattern().IsMatch(options.Region))
        {
            return $"{prefix}{nameof(AwsOptions.Region)} must be an AWS region name such as us-east-1 (was '{options.Region}').";
        }
        if (options.MaxRetries is < 0 or > AwsOptions.MaxRetriesLimit)
        {
            return $"{prefix}{nameof(AwsOptions.MaxRetries)} must be between 0 and {AwsOptions.MaxRetriesLimit} (was {options.MaxRetries}).";
        }
        if (options.BaseDelay < TimeSpan.Zero || options.BaseDelay > AwsOptions.BaseDelayLimit)
        {
            return $"{prefix}{nameof(AwsOptions.BaseDelay)} must be between 00:00:00 and {AwsOptions.BaseDelayLimit} (was {options.BaseDelay}).";
        }
        return null;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/"
        && string.IsNullOrEmpty(uri.Query)
        && string.IsNullOrEmpty(uri.UserInfo);

    [GeneratedRegex("^[a-z]{2}(-[a-z0-9]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();
}
