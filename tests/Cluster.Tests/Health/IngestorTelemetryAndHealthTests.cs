using Xunit;
using System.Net;
using Actors.Grains.Interfaces;
using Actors.Ingestor.Cluster;
using Actors.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Actors.Cluster.Tests.Health;

/// <summary>
/// The ingestor with its embedded silo: health endpoints on <c>Health:Port</c>, and OpenTelemetry metrics pushed with
/// OTLP (http/protobuf) to the endpoint the standard <c>OTEL_*</c> settings name.
/// </summary>
public sealed class IngestorTelemetryAndHealthTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task The_embedded_ingestor_is_live_and_ready_and_exports_detection_and_Orleans_metrics_with_OTLP()
    {
        using var collector = new OtlpCollector();
        var healthPort = MotoServer.FreePort();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Health:Port"] = healthPort.ToString(),
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        }).Build();

        await using var ingestor = await ClusterConnection.StartAsync(configuration, embedded: true, serveHealth: true, _ => { }, CancellationToken.None);

        using var live = await Http.GetAsync($"http://127.0.0.1:{healthPort}/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await Http.GetAsync($"http://127.0.0.1:{healthPort}/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"silo-membership\":{\"status\":\"Healthy\"", await ready.Content.ReadAsStringAsync());

        var deviceId = $"otlp-{Guid.NewGuid():N}"[..13];
        await ingestor.Grains.GetGrain<IDeviceGrain>(deviceId).Judge(
            [new Reading { DeviceId = deviceId, Timestamp = new DateTime(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc), Metrics = [new Metric("temperature", 21.5)] }]);

        using var probeMeter = new System.Diagnostics.Metrics.Meter("Actors.Ingestor");
        var probe = probeMeter.CreateCounter<long>("probe.counter");
        probe.Add(1);
        probe.Add(2);
        string[] expected = ["detection.readings.judged", "orleans-storage-write-latency", "orleans-catalog-activations", "actors-ingestor", "probe.counter"];
        await Eventually.Until(() => expected.All(collector.Received), TimeSpan.FromSeconds(30),
            $"OTLP exports naming {string.Join(", ", expected.Where(name => !collector.Received(name)))} in {collector.Names}");
    }
}
