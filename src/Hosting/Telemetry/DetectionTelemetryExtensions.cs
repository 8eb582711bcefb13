using Actors.Grains;
using Actors.Persistence.DynamoDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Actors.Hosting.Telemetry;

/// <summary>OpenTelemetry metrics of silos and ingestors, exported with OTLP when the standard variables name an endpoint.</summary>
public static class DetectionTelemetryExtensions
{
    /// <summary>The ingestor's meter (Kinesis consumption, parsing).</summary>
    public const string IngestorMeterName = "Actors.Ingestor";

    /// <summary>Orleans' own meter (activations, grain calls, storage latency and errors, membership, messaging).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>Every meter the processes export.</summary>
    public static IReadOnlyList<string> MeterNames { get; } = [DetectionMetrics.MeterName, IngestorMeterName, OrleansMeterName, DynamoDBWriteMeter.MeterName];

    /// <summary>
    /// Collects <see cref="MeterNames"/>; adds the OTLP exporter when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or
    /// <c>OTEL_EXPORTER_OTLP_METRICS_ENDPOINT</c>) is set, configured by the standard <c>OTEL_*</c> variables
    /// (protocol, headers, export interval). The service name is <c>OTEL_SERVICE_NAME</c>, else <paramref name="serviceName"/>.
    /// </summary>
    public static IServiceCollection AddDetectionTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])
            || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([.. MeterNames]);
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }
}
