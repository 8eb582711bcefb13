using Xunit;
using Xunit.Abstractions;
using Actors.Cluster.Tests.Fixtures;
using System.Net;
using Actors.Grains.Interfaces;
using Actors.Ingestor.Cluster;
using Actors.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Actors.Cluster.Tests.Failover;

/// <summary>
/// What ECS does to stop a task: SIGTERM. The silo leaves the cluster, exits 0, and its devices carry on elsewhere;
/// the ingestor (a cluster client serving its health endpoints) stays ready throughout.
/// </summary>
[Collection(ClusterEnvironmentCollection.Name)]
public sealed class GracefulShutdownTests(ClusterEnvironment environment, ITestOutputHelper output)
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task A_silo_given_SIGTERM_exits_0_marked_Dead_in_Redis_and_its_devices_continue_on_the_other_silo()
    {
        var clusterId = $"sigterm-{Guid.NewGuid():N}"[..16];
        var settings = environment.SiloSettings(clusterId);
        settings["Cluster:ShutdownTimeout"] = "00:00:20";
        var stopping = SiloProcess.Start("stopping", settings);
        var staying = SiloProcess.Start("staying", settings);
        try
        {
            await Task.WhenAll(stopping.WaitUntilReadyAsync(Startup), staying.WaitUntilReadyAsync(Startup));
            var ingestorSettings = environment.ClientSettings(clusterId);
            ingestorSettings["Health:Port"] = MotoServer.FreePort().ToString();
            await using var ingestor = await ClusterConnection.StartAsync(
                new ConfigurationBuilder().AddInMemoryCollection(ingestorSettings).Build(), embedded: false, serveHealth: true, _ => { }, CancellationToken.None);
            var ingestorReady = $"http://127.0.0.1:{ingestorSettings["Health:Port"]}/health/ready";
            Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(ingestorReady)).StatusCode);
            var stream = new DeviceStream(ingestor.Grains, clusterId, devices: 16, products: 2);
            using (var first = new CancellationTokenSource())
            {
                var streaming = stream.RunAsync(TimeSpan.FromSeconds(30), first.Token);
                await Eventually.Until(() => stream.Sent >= 3 || streaming.IsFaulted, TimeSpan.FromSeconds(30), "the first batches");
                first.Cancel();
                await streaming;
            }

            stopping.Terminate();
            var exitCode = await stopping.WaitForExitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(0, exitCode);
            var membership = await RedisMembership.ReadAsync(environment.Redis.ConnectionString, clusterId, clusterId);
            Assert.Equal(SiloStatus.Dead, membership[stopping.SiloPort]);
            Assert.Equal(SiloStatus.Active, membership[staying.SiloPort]);

            var sentBefore = stream.Sent;
            using (var second = new CancellationTokenSource())
            {
                var streaming = stream.RunAsync(TimeSpan.FromSeconds(30), second.Token);
                await Eventually.Until(() => stream.Sent >= sentBefore + 3 || streaming.IsFaulted, TimeSpan.FromSeconds(60), "batches after the shutdown");
                second.Cancel();
                await streaming;
            }
            Assert.All(stream.Batches, b => Assert.Empty(b.Failures));
            Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(ingestorReady)).StatusCode);
            foreach (var deviceId in stream.DeviceIds)
            {
                var device = await ingestor.Grains.GetGrain<IDeviceGrain>(deviceId).GetSnapshot();
                Assert.True(device.Accepted == stream.Sent, $"device {deviceId} accepted {device.Accepted} of {stream.Sent} readings");
            }
        }
        catch
        {
            output.WriteLine(stopping.RecentOutput);
            output.WriteLine(staying.RecentOutput);
            throw;
        }
        finally
        {
            await stopping.DisposeAsync();
            await staying.DisposeAsync();
        }
    }
}
