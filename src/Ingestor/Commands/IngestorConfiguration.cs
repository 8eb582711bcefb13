using Actors.Detection.Parsing;
using Actors.Ingestor.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Actors.Ingestor.Commands;

/// <summary>Configuration (appsettings.json next to the program, then environment variables) and logging for every command.</summary>
public static class IngestorConfiguration
{
    public static IConfiguration Load(IDictionary<string, string?>? overrides = null) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();

    /// <summary>The record parser configured by the <c>Parsing</c> section (a configured field list replaces the default one).</summary>
    public static ReadingParser CreateParser(IConfiguration configuration)
    {
        var options = new ReadingParserOptions();
        ReadingParserOptionsBinder.Bind(configuration.GetSection(ReadingParserOptions.SectionName), options);
        return new ReadingParser(options);
    }

    /// <summary>The <c>Checkpoint</c> section: when grains write what they took from a source.</summary>
    public static CheckpointOptions Checkpoints(IConfiguration configuration)
    {
        var options = configuration.GetSection(CheckpointOptions.SectionName).Get<CheckpointOptions>() ?? new CheckpointOptions();
        if (options.Interval <= TimeSpan.Zero || options.Records < 0)
        {
            throw new InvalidOperationException($"{CheckpointOptions.SectionName}:Interval must be positive and {CheckpointOptions.SectionName}:Records 0 or more.");
        }
        return options;
    }

    /// <summary>
    /// Logs to stderr, so stdout stays free for a command's own output: one JSON object per line (with scopes) when
    /// <c>Logging:Console:FormatterName</c> is <c>json</c> (containers), else one readable line per entry.
    /// </summary>
    public static void ConsoleToStderr(ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.AddConfiguration(configuration.GetSection("Logging"));
        if (string.Equals(configuration["Logging:Console:FormatterName"], ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase))
        {
            logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
