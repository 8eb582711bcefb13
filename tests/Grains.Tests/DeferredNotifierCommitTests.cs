using Actors.Grains.Interfaces;
using Actors.TestSupport;
using Microsoft.Extensions.Configuration;
using Orleans.Core.Internal;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;
using Xunit;
using static Actors.Grains.Tests.TestReadings;

namespace Actors.Grains.Tests;

/// <summary>
/// Devices queue their anomalies with their notifier shard, which commits what is queued together, and a device writes
/// its state only once what it queued is committed: when the shard lost it, the device writes nothing and answers
/// "behind", and judging again notifies once. The commit interval is far longer than a test, so every commit here is
/// one a device's write asked for. Has its own two-silo cluster per test, with storage that outlives a killed silo.
/// </summary>
public sealed class DeferredNotifierCommitTests : IAsyncLifetime
{
    private const string Source = "shard-1";
    private const int Shards = 4;
    private TestCluster _cluster = null!;

    private string ClusterId => _cluster.Options.ClusterId;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifier:Sinks:0"] = "recording",
            ["Notifier:Shards"] = Shards.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifier:CommitInterval"] = "01:00:00",
            ["Notifier:DeliveryInterval"] = "00:00:00.100",
            ["Devices:RulesRefreshInterval"] = "00:00:00",
        }));
        builder.AddSiloBuilderConfigurator<ProcessWideStorageSiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        var rules = _cluster.Client.GetGrain<IRulesGrain>(RulesGrainKey.Default);
        await rules.Set((await rules.Get()) with { Thresholds = [new ThresholdRule { Metric = "temperature", Upper = 30 }] });
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Devices_notifying_one_after_another_cost_one_commit_per_shard_made_when_the_first_of_them_writes()
    {
        var devices = Enumerable.Range(0, 100).Select(_ => UniqueId("burst")).ToArray();
        var segmentsBefore = SegmentWrites();

        foreach (var device in devices)
        {
            Assert.Single((await Device(device).Judge([At(device, 0, "temperature", 40)], Source)).Anomalies);
        }

        Assert.Equal(segmentsBefore, SegmentWrites());
        Assert.Empty(await RecentOfAsync(devices));
        foreach (var device in devices)
        {
            Assert.Equal(PersistResult.Written, await Device(device).Persist(Source, 1));
        }
        Assert.Equal(devices.Select(d => NotifierShard.For(d, Shards)).Distinct().Count(), SegmentWrites() - segmentsBefore);
        Assert.Equal(devices.Order(), (await RecentOfAsync(devices)).Select(a => a.DeviceId).Order());
        await Eventually.Until(() => devices.All(d => RecordingSink.Instance.DeliveredFor(d).Count == 1), TimeSpan.FromSeconds(30), "delivery of the committed alerts");
    }

    [Fact]
    public async Task A_device_whose_notifier_activation_died_before_committing_answers_behind_writes_nothing_and_notifies_once_when_judged_again()
    {
        var secondary = _cluster.SecondarySilos[0];
        var deviceId = await DeviceOnPrimaryWithShardOnAsync(secondary);
        var device = Device(deviceId);
        var calm = await device.Judge([At(deviceId, 0, "temperature", 20)], Source);
        Assert.Equal(PersistResult.Written, await device.Persist(Source, calm.Mark));
        var written = ProcessWideGrainStorage.Stored(ClusterId, "device", device.GetGrainId());
        var breach = await device.Judge([At(deviceId, 1, "temperature", 40)], Source, calm.Mark);
        var alertId = Assert.Single(breach.Anomalies).AlertId;

        await _cluster.KillSiloAsync(secondary);

        Assert.Equal(PersistResult.Behind, await device.Persist(Source, breach.Mark));
        Assert.Equal(written, ProcessWideGrainStorage.Stored(ClusterId, "device", device.GetGrainId()));
        Assert.Equal(calm.LastEventTime, (await device.GetSnapshot()).LastReading!.Timestamp);

        var again = await device.Judge([At(deviceId, 1, "temperature", 40)], Source, calm.Mark);
        Assert.Equal(alertId, Assert.Single(again.Anomalies).AlertId);
        Assert.Equal(PersistResult.Written, await device.Persist(Source, again.Mark));
        Assert.Equal(alertId, Assert.Single(await RecentOfAsync([deviceId])).AlertId);
        await Eventually.Until(() => RecordingSink.Instance.DeliveredFor(deviceId).Count > 0, TimeSpan.FromSeconds(30), $"delivery of {alertId}");
        Assert.Equal(alertId, Assert.Single(RecordingSink.Instance.DeliveredFor(deviceId)).NotificationId);
    }

    [Fact]
    public async Task A_device_writes_no_state_that_reflects_anomalies_whose_commit_failed_and_notifies_once_when_judged_again()
    {
        var deviceId = UniqueId("fail");
        var device = Device(deviceId);
        var calm = await device.Judge([At(deviceId, 0, "temperature", 20)], Source);
        Assert.Equal(PersistResult.Written, await device.Persist(Source, calm.Mark));
        var written = ProcessWideGrainStorage.Stored(ClusterId, "device", device.GetGrainId());
        var breach = await device.Judge([At(deviceId, 1, "temperature", 40)], Source, calm.Mark);
        var alertId = Assert.Single(breach.Anomalies).AlertId;

        using (ProcessWideGrainStorage.FailWrites(ClusterId, "alert-segment"))
        {
            Assert.Equal(PersistResult.Behind, await device.Persist(Source, breach.Mark));
        }

        Assert.Equal(written, ProcessWideGrainStorage.Stored(ClusterId, "device", device.GetGrainId()));
        Assert.Empty(await RecentOfAsync([deviceId]));
        JudgeResult? again = null;
        await Eventually.Until(async () => (again = await JudgeOrNullAsync(device, At(deviceId, 1, "temperature", 40), calm.Mark)) is not null,
            TimeSpan.FromSeconds(30), $"the reloaded notifier shard of {deviceId} to take its anomalies again");
        Assert.Equal(alertId, Assert.Single(again!.Anomalies).AlertId);
        Assert.Equal(PersistResult.Written, await device.Persist(Source, again.Mark));
        Assert.Equal(alertId, Assert.Single(await RecentOfAsync([deviceId])).AlertId);
        await Eventually.Until(() => RecordingSink.Instance.DeliveredFor(deviceId).Count > 0, TimeSpan.FromSeconds(30), $"delivery of {alertId}");
        Assert.Equal(alertId, Assert.Single(RecordingSink.Instance.DeliveredFor(deviceId)).NotificationId);
    }

    private IDeviceGrain Device(string deviceId) => _cluster.Client.GetGrain<IDeviceGrain>(deviceId);

    private long SegmentWrites() => ProcessWideGrainStorage.Writes(ClusterId, "alert-segment");

    private async Task<Anomaly[]> RecentOfAsync(IEnumerable<string> deviceIds)
    {
        var recent = await Task.WhenAll(Enumerable.Range(0, Shards).Select(s => _cluster.Client.GetGrain<INotifierGrain>(s).GetRecent(new AlertQuery { Limit = 1_000 })));
        var wanted = deviceIds.ToHashSet();
        return [.. recent.SelectMany(r => r).Where(a => wanted.Contains(a.DeviceId))];
    }

    /// <summary>The source reads again after a failed call; a shard dropped after a failed write refuses calls until it is reloaded.</summary>
    private static async Task<JudgeResult?> JudgeOrNullAsync(IDeviceGrain device, Reading reading, long expectedMark)
    {
        try
        {
            return await device.Judge([reading], Source, expectedMark);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A device placed on the primary silo whose notifier shard is active on <paramref name="silo"/> (moved there if need be).</summary>
    private async Task<string> DeviceOnPrimaryWithShardOnAsync(SiloHandle silo)
    {
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        var primary = _cluster.Primary!.SiloAddress;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var deviceId = UniqueId("lost");
            await Device(deviceId).GetSnapshot();
            var statistics = await management.GetDetailedGrainStatistics();
            if (!statistics.Any(s => s.GrainId.Key.ToString() == deviceId && s.SiloAddress.Equals(primary)))
            {
                continue;
            }
            var notifier = _cluster.Client.GetGrain<INotifierGrain>(NotifierShard.For(deviceId, Shards));
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo.SiloAddress);
            await notifier.Cast<IGrainManagementExtension>().MigrateOnIdle();
            RequestContext.Clear();
            await Eventually.Until(async () =>
                {
                    await notifier.GetSnapshot();
                    return (await management.GetDetailedGrainStatistics()).Any(s => s.GrainId == notifier.GetGrainId() && s.SiloAddress.Equals(silo.SiloAddress));
                },
                TimeSpan.FromSeconds(30), $"notifier shard {notifier.GetPrimaryKeyLong()} to move to {silo.SiloAddress}");
            return deviceId;
        }
        throw new InvalidOperationException("no device grain was placed on the primary silo in 100 tries");
    }
}
