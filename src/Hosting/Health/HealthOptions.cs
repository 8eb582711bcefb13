using Microsoft.Extensions.Configuration;

namespace Actors.Hosting.Health;

/// <summary>The HTTP health endpoints of a silo or an ingestor (configuration section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>The default <see cref="Port"/> of a silo.</summary>
    public const int SiloDefaultPort = 8080;

    /// <summary>The default <see cref="Port"/> of an ingestor running <c>ingest</c>.</summary>
    public const int IngestorDefaultPort = 8081;

    /// <summary>Serve <c>GET /health/live</c> and <c>GET /health/ready</c>. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The port the endpoints listen on, on all interfaces. Default 8080 on a silo, 8081 on an ingestor.</summary>
    public int Port { get; set; } = SiloDefaultPort;

    /// <summary>Binds the <c>Health</c> section over the defaults (with <paramref name="defaultPort"/>) and validates it.</summary>
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names it.</exception>
    public static HealthOptions Read(IConfiguration configuration, int defaultPort)
    {
        var settings = new HealthOptions { Port = defaultPort };
        configuration.GetSection(SectionName).Bind(settings);
        var result = new HealthOptionsValidator().Validate(null, settings);
        if (result.Failed)
        {
            throw new InvalidOperationException($"Invalid health configuration: {result.FailureMessage}");
        }
        return settings;
    }
}
