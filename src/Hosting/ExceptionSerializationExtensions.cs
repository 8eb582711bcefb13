using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Actors.Hosting;

/// <summary>Lets exceptions cross grain calls with their real type, message and inner exceptions.</summary>
public static class ExceptionSerializationExtensions
{
    /// <summary>
    /// Adds this project's (<c>Actors.*</c>) and the AWS SDK's (<c>Amazon.*</c>) exceptions to those Orleans serializes
    /// generically (type, message, stack trace, inner exception). Without it, a storage error that carries the SDK's
    /// error reaches the caller as a <c>CodecNotFoundException</c> instead of its cause. A process that does not have an
    /// exception's type receives Orleans' fallback exception with the same type name and message. Silos and clients
    /// both call it.
    /// </summary>
    public static IServiceCollection AddDetectionExceptionSerialization(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options =>
        {
            options.SupportedNamespacePrefixes.Add("Actors");
            options.SupportedNamespacePrefixes.Add("Amazon");
        });
}
