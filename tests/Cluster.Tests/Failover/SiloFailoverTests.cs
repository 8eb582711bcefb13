using Xunit;
using Xunit.Abstractions;
using Actors.Cluster.Tests.Fixtures;
using Actors.Grains.Interfaces;
using Actors.TestSupport;

namespace Actors.Cluster.Tests.Failover;

/// <summary>
/// Three silo processes on Redis membership with grain state in DynamoDB (moto); one is killed (SIGKILL) while
/// readings stream in. Every device keeps being judged, and its state continues from storage: nothing lost, nothing
/// counted twice. The learned rule is on: each device's model continues from storage too.
/// </summary>
[Collection(ClusterEnvironmentCollection.Name)]
public sealed class SiloFailoverTests(ClusterEnvironment environment, ITestOutputHelper output)
{
    private const int Devices = 32;
    private const int Products = 3;
    private const int BatchesBeforeKill = 8;
    private const int CleanBatchesAfterConvergence = 6;
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan BatchDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Killing_one_of_three_silos_mid_stream_loses_no_reading_and_judges_none_twice()
    {
        var clusterId = $"failover-{Guid.NewGuid():N}"[..17];
        var settings = FastFailureDetection(environment.SiloSettings(clusterId));
        settings["Rules:Learned:Enabled"] = "true";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var silos = new[] { "a", "b", "c" }.Select(name => SiloProcess.Start(name, settings)).ToList();
        try
        {
            await Task.WhenAll(silos.Select(s => s.WaitUntilReadyAsync(Startup)));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: three silos ready");
            await using var client = await ClusterClient.ConnectAsync(environment.ClientSettings(clusterId), TimeSpan.FromSeconds(5));
            var management = client.Client.GetGrain<IManagementGrain>(0);
            var stream = new DeviceStream(client.Client, clusterId, Devices, Products);
            using var stop = new CancellationTokenSource();
            var streaming = stream.RunAsync(BatchDeadline, stop.Token);

            await Eventually.Until(() => stream.Sent >= BatchesBeforeKill || streaming.IsFaulted, TimeSpan.FromSeconds(60), "the first batches to be judged");
            var placement = await DevicesBySiloPortAsync(management, stream);
            var victim = silos.OrderByDescending(s => placement.GetValueOrDefault(s.SiloPort)?.Count ?? 0).First();
            var moved = placement.GetValueOrDefault(victim.SiloPort) ?? [];
            Assert.NotEmpty(moved);
            victim.Kill();
            var sentAtKill = stream.Sent;
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: killed silo {victim.Name} (port {victim.SiloPort}) hosting {moved.Count} devices after {sentAtKill} batches");

            await Eventually.Until(async () =>
                (await RedisMembership.ReadAsync(environment.Redis.ConnectionString, clusterId, clusterId)).GetValueOrDefault(victim.SiloPort) == SiloStatus.Dead
                && (await management.GetHosts(onlyActive: true)).Count == 2
                || streaming.IsFaulted,
                TimeSpan.FromSeconds(60), $"silo {victim.Name} to be declared dead");
            var convergedAt = stream.Sent + 1;
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: membership converged after {convergedAt - 1} batches");
            await Eventually.Until(() => stream.Sent >= convergedAt + CleanBatchesAfterConvergence || streaming.IsFaulted,
                TimeSpan.FromSeconds(90), "batches after the membership converged");
            stop.Cancel();
            await streaming;
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {stream.Sent} batches judged");

            foreach (var batch in stream.Batches.Where(b => b.Failures.Count > 0))
            {
                output.WriteLine($"batch {batch.Batch}: {batch.Failures.Count} failed attempt(s), first: {batch.Failures[0]}");
            }
            Assert.All(stream.Batches.Where(b => b.Batch >= convergedAt), b => Assert.Empty(b.Failures));

            var sent = stream.Sent;
            var lastTime = DeviceStream.TimeOf(sent - 1);
            for (var i = 0; i < stream.DeviceIds.Count; i++)
            {
                var device = await client.Client.GetGrain<IDeviceGrain>(stream.DeviceIds[i]).GetSnapshot();
                Assert.True(device.Accepted == sent, $"device {device.DeviceId} accepted {device.Accepted} of {sent} readings");
                Assert.Equal(lastTime, device.LastReading?.Timestamp);
                var learned = Assert.Single(device.Learned);
                Assert.True(learned.Readings == sent, $"device {device.DeviceId}: the learned model of {learned.Metric} saw {learned.Readings} of {sent} readings");
            }
            foreach (var productId in stream.ProductIds)
            {
                var product = await client.Client.GetGrain<IProductGrain>(productId).GetSnapshot();
                var devicesOfProduct = Enumerable.Range(0, Devices).Count(i => stream.ProductOf(i) == productId);
                Assert.True(product.Readings == (long)sent * devicesOfProduct, $"product {productId} counted {product.Readings} of {sent * devicesOfProduct} readings");
            }
            var after = await DevicesBySiloPortAsync(management, stream);
            Assert.False(after.ContainsKey(victim.SiloPort), "a device is still placed on the killed silo");
            Assert.All(moved, device => Assert.Contains(after.Values, devices => devices.Contains(device)));
        }
        catch
        {
            foreach (var silo in silos)
            {
                output.WriteLine(silo.RecentOutput);
            }
            throw;
        }
        finally
        {
            await Task.WhenAll(silos.Select(s => s.DisposeAsync().AsTask()));
        }
    }

    /// <summary>Failure detection in a few seconds instead of Orleans' production defaults.</summary>
    internal static Dictionary<string, string?> FastFailureDetection(Dictionary<string, string?> settings)
    {
        settings["ClusterMembership:ProbeTimeout"] = "00:00:02";
        settings["ClusterMembership:NumMissedProbesLimit"] = "2";
        return settings;
    }

    private static async Task<Dictionary<int, HashSet<string>>> DevicesBySiloPortAsync(IManagementGrain management, DeviceStream stream)
    {
        var ours = stream.DeviceIds.ToHashSet();
        var statistics = await management.GetDetailedGrainStatistics();
        return statistics
            .Select(s => (Port: s.SiloAddress.Endpoint.Port, Key: s.GrainId.Key.ToString()))
            .Where(s => ours.Contains(s.Key))
            .GroupBy(s => s.Port)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Key).ToHashSet());
    }
}
