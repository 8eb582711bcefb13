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
    public async Task The_ingestor_serves_live_and_ready_once_its_embedded_silo_is_active()
    {
        var healthPort = MotoServer.FreePort();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Health:Port"] = healthPort.ToString(),
        }).Build();

        await using var ingestor = await ClusterConnection.StartAsync(configuration, embedded: true, serveHealth: true, _ => { }, CancellationToken.None);

        using var live = await Http.GetAsync($"http://127.0.0.1:{healthPort}/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await Http.GetAsync($"http://127.0.0.1:{healthPort}/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"silo-membership\":{\"status\":\"Healthy\"", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Detection_and_Orleans_metrics_are_pushed_with_OTLP_when_an_endpoint_is_configured()
    {
        using var collector = new OtlpCollector();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        }).Build();
        await using var ingestor = await ClusterConnection.StartAsync(configuration, embedded: true, _ => { }, CancellationToken.None);

        var deviceId = $"otlp-{Guid.NewGuid():N}"[..13];
        var device = ingestor.Grains.GetGrain<IDeviceGrain>(deviceId);
        await device.Judge([new Reading { DeviceId = deviceId, Timestamp = new DateTime(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc), Metrics = [new Metric("temperature", 21.5)] }]);
        Assert.Equal(PersistResult.Written, await device.Persist());
        // Device and product grains write through the storage directly; the notifier's head state goes through
        // Orleans' state bridge, which records the storage write latency.
        await ingestor.Grains.GetGrain<INotifierGrain>(NotifierShard.For(deviceId, 4)).Notify([new Anomaly
        {
            AlertId = $"{deviceId}/temperature/Threshold/otlp", AnomalyType = AnomalyType.Threshold,
            TargetTime = new DateTime(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc), MeasuredValue = 99, UpperLimit = 30,
            DeviceId = deviceId, Metric = "temperature",
        }]);

        string[] expected = [ClusterConnection.ServiceName, "detection.readings.judged", "orleans-storage-write-latency", "orleans-catalog-activations"];
        await Eventually.Until(() => expected.All(collector.Received), TimeSpan.FromSeconds(30),
            $"OTLP exports naming {string.Join(", ", expected.Where(name => !collector.Received(name)))}");
    }
}
