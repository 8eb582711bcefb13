using Actors.Detection.Device;
using Actors.Grains.Interfaces;
using Actors.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Actors.Cluster.Tests.Security;

/// <summary>
/// Issue 12, item 5: holding the cluster certificate is not enough to feed readings, notify alerts or move a stream's
/// checkpoint; those data-plane operations need the data-plane credential, which silos and ingestors hold and the
/// admin client does not. The grains' own calls to each other keep working.
/// </summary>
public sealed class DataPlaneAccessTests(TlsClusterFixture fixture) : IClassFixture<TlsClusterFixture>
{
    private static readonly DateTime Time = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_client_with_the_certificate_but_without_the_credential_cannot_judge_notify_or_checkpoint()
    {
        var device = $"forged-{Guid.NewGuid():N}";
        var grains = fixture.Cluster.Client;

        await Assert.ThrowsAsync<DataPlaneAccessDeniedException>(() => grains.GetGrain<IDeviceGrain>(device).Judge([Reading(device, 20)]));
        await Assert.ThrowsAsync<DataPlaneAccessDeniedException>(() => grains.GetGrain<IDeviceGrain>(device).Persist());
        await Assert.ThrowsAsync<DataPlaneAccessDeniedException>(() => grains.GetGrain<INotifierGrain>(0).Notify([Anomaly(device)]));
        await Assert.ThrowsAsync<DataPlaneAccessDeniedException>(() => grains.GetGrain<INotifierGrain>(0).Queue([Anomaly(device)]));
        await Assert.ThrowsAsync<DataPlaneAccessDeniedException>(() => grains.GetGrain<INotifierGrain>(0).Flush(new NotifierTicket { Activation = Guid.NewGuid(), Request = 1 }));
        await Assert.ThrowsAsync<DataPlaneAccessDeniedException>(() => grains.GetGrain<IProductGrain>($"{device}-product").Accumulate(new ProductBatch
        {
            Source = "forged", Readings = [Reading(device, 20) with { ProductId = $"{device}-product" }], Positions = ["1"],
        }));
        await Assert.ThrowsAsync<DataPlaneAccessDeniedException>(() => grains.GetGrain<IStreamLeaseGrain>($"{device}-stream").Checkpoint("forged-worker", "shardId-000000000000", "99", shardEnded: true));

        Assert.Equal(0, (await grains.GetGrain<IDeviceGrain>(device).GetSnapshot()).Accepted);
        Assert.DoesNotContain(await grains.GetGrain<INotifierGrain>(0).GetRecent(new AlertQuery { DeviceId = device }), a => a.DeviceId == device);
        Assert.Equal(0, (await grains.GetGrain<IProductGrain>($"{device}-product").GetSnapshot()).Readings);
    }

    [Fact]
    public async Task The_admin_secret_does_not_open_the_data_plane()
    {
        var device = $"admin-{Guid.NewGuid():N}";
        var grains = fixture.Cluster.Client;

        await Assert.ThrowsAsync<DataPlaneAccessDeniedException>(() =>
            AdminRequestContext.CallAsync(TlsClusterFixture.AdminSecret, () => grains.GetGrain<IDeviceGrain>(device).Judge([Reading(device, 20)])));
        await Assert.ThrowsAsync<DataPlaneAccessDeniedException>(() =>
            AdminRequestContext.CallAsync(TlsClusterFixture.AdminSecret, () => grains.GetGrain<INotifierGrain>(0).Notify([Anomaly(device)])));

        var rules = grains.GetGrain<IRulesGrain>(RulesGrainKey.Default);
        var before = await rules.Get();
        var after = await AdminRequestContext.CallAsync(TlsClusterFixture.AdminSecret, () => rules.Set(before));
        Assert.True(after.Version > before.Version, "the admin secret still opens admin operations");
    }

    [Fact]
    public async Task A_wrong_credential_is_refused()
    {
        var device = $"wrong-{Guid.NewGuid():N}";

        var refused = await Assert.ThrowsAsync<DataPlaneAccessDeniedException>(() =>
            WithCredential("not-the-credential", () => fixture.Cluster.Client.GetGrain<IDeviceGrain>(device).Judge([Reading(device, 20)])));

        Assert.Contains("wrong", refused.Message);
        Assert.DoesNotContain(TlsClusterFixture.DataPlaneCredential, refused.Message);
    }

    [Fact]
    public async Task The_ingestor_path_works_with_the_credential_and_grains_notify_each_other()
    {
        var device = $"ingestor-{Guid.NewGuid():N}";
        var grains = fixture.Cluster.Client;

        var judged = await WithCredential(TlsClusterFixture.DataPlaneCredential, () => grains.GetGrain<IDeviceGrain>(device).Judge([Reading(device, 20), Reading(device, 35) with { Timestamp = Time.AddSeconds(1) }]));

        Assert.Equal(2, judged.Accepted);
        var alert = Assert.Single(judged.Anomalies);
        Assert.Equal(PersistResult.Written, await WithCredential(TlsClusterFixture.DataPlaneCredential, () => grains.GetGrain<IDeviceGrain>(device).Persist()));
        var recent = await grains.GetGrain<INotifierGrain>(NotifierShard.For(device, 4)).GetRecent(new AlertQuery { DeviceId = device });
        Assert.Equal(alert.AlertId, Assert.Single(recent).AlertId);
    }

    [Fact]
    public void A_silo_with_mutual_TLS_and_no_credential_does_not_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Tls:Enabled"] = "true" }).Build();
        var builder = Host.CreateApplicationBuilder();

        var error = Assert.Throws<InvalidOperationException>(() => builder.UseOrleans(silo => silo.AddDataPlaneAccess(configuration)));

        Assert.Contains("DataPlane:Credential", error.Message);
    }

    /// <summary>Presents <paramref name="credential"/> on the calls <paramref name="call"/> makes, as the ingestor's outgoing filter does.</summary>
    private static async Task<T> WithCredential<T>(string credential, Func<Task<T>> call)
    {
        RequestContext.Set(DataPlaneRequestContext.CredentialKey, credential);
        return await call();
    }

    private static Reading Reading(string device, double temperature) =>
        new() { DeviceId = device, Timestamp = Time, Metrics = [new Metric("temperature", temperature)] };

    private static Anomaly Anomaly(string device) => new()
    {
        AlertId = AlertIds.For(device, "temperature", AnomalyType.Threshold, Time),
        AnomalyType = AnomalyType.Threshold, TargetTime = Time, MeasuredValue = 99, UpperLimit = 30, DeviceId = device, Metric = "temperature",
    };
}
