using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Actors.Detection.Parsing;

/// <summary>Registers the record parser and the rejection log.</summary>
public static class ParsingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ReadingParserOptions"/> bound from <paramref name="configSectionPath"/> and validated on start,
    /// and singletons of <see cref="ReadingParser"/> (on the registered <see cref="TimeProvider"/>, else the system clock)
    /// and <see cref="RejectionLog"/>.
    /// </summary>
    public static IServiceCollection AddReadingParser(
        this IServiceCollection services,
        string configSectionPath = ReadingParserOptions.SectionName)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ReadingParserOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                ReadingParserOptionsBinder.Bind(configuration.GetSection(configSectionPath), options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReadingParserOptions>, ReadingParserOptionsValidator>());
        services.TryAddSingleton(provider => new ReadingParser(
            provider.GetRequiredService<IOptions<ReadingParserOptions>>().Value,
            provider.GetService<TimeProvider>()));
        services.TryAddSingleton<RejectionLog>();
        return services;
    }
}
