using Actors.Grains.Interfaces;
using Actors.TestSupport;
using Xunit;
using static Actors.Grains.Tests.TestReadings;

namespace Actors.Grains.Tests.NoData;

/// <summary>
/// The no-data alarm through the grains of a two-silo cluster: fed as a source's checkpoint feeds it, raised by the
/// watch shards' sweeps on the wall clock, cleared by the next reading, and still raised after the silo holding the
/// device's watch shard is killed.
/// </summary>
public sealed class NoDataGrainTests(NoDataClusterFixture fixture) : IClassFixture<NoDataClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_silent_device_raises_one_no_data_alarm_listed_in_the_index_that_its_next_reading_clears_and_a_new_silence_raises_again()
    {
        var deviceId = UniqueId("silent");
        var device = fixture.Grains.GetGrain<IDeviceGrain>(deviceId);
        var last = await ReadAsync(device, deviceId);

        var raised = await NoDataAlarmAsync(device, deviceId, "the first silence");
        var indexed = await IndexedAsync(deviceId);
        var resumed = await ReadAsync(device, deviceId);
        var afterResuming = await device.GetAlarms();
        var indexedAfterResuming = await IndexedAsync(deviceId);
        var second = await NoDataAlarmAsync(device, deviceId, "the second silence");

        Assert.Equal((AlarmState.Active, "readings", last + NoDataClusterFixture.After), (raised.State, raised.Metric, raised.Since));
        Assert.Equal(AlarmState.Active, Assert.Single(indexed, a => a.Rule == "NoData").State);
        Assert.Empty(afterResuming);
        Assert.Empty(indexedAfterResuming);
        Assert.Equal(resumed + NoDataClusterFixture.After, second.Since);
        var sent = await NotificationsAsync(deviceId, 3);
        Assert.Equal(
            [(AlarmState.Normal, AlarmState.Active), (AlarmState.Active, AlarmState.Normal), (AlarmState.Normal, AlarmState.Active)],
            sent.Select(n => (n.Alarm!.PreviousState, n.Alarm.State)));
        Assert.Equal(3, sent.Select(n => n.NotificationId).Distinct().Count());
    }

    [Fact]
    public async Task After_the_silo_holding_its_watch_shard_is_killed_a_silent_device_still_raises_its_alarm_and_resuming_clears_it()
    {
        var secondary = fixture.Cluster.SecondarySilos[0];
        var shard = await ShardOnAsync(secondary.SiloAddress);
        var deviceId = Enumerable.Range(0, 10_000).Select(i => UniqueId("failover")).First(id => NotifierShard.For(id, NoDataClusterFixture.Shards) == shard);
        var device = fixture.Grains.GetGrain<IDeviceGrain>(deviceId);
        var last = await ReadAsync(device, deviceId, NoDataClusterFixture.SlowProduct);
        var beforeKill = await device.GetAlarms();
        var watchedBeforeKill = await fixture.Grains.GetGrain<INoDataWatchGrain>(shard).GetSnapshot();

        await fixture.Cluster.KillSiloAsync(secondary);
        var raised = await NoDataAlarmAsync(device, deviceId, "the silence after the kill");
        await ReadAsync(device, deviceId, NoDataClusterFixture.SlowProduct);
        var afterResuming = await device.GetAlarms();
        var watchedAfter = await fixture.Grains.GetGrain<INoDataWatchGrain>(shard).GetSnapshot();
        await fixture.Cluster.StartAdditionalSiloAsync();

        Assert.Empty(beforeKill);
        Assert.True(watchedBeforeKill.Devices >= 1);
        Assert.Equal((AlarmState.Active, last + NoDataClusterFixture.SlowAfter, NoDataClusterFixture.SlowProduct), (raised.State, raised.Since, raised.ProductId));
        Assert.Empty(afterResuming);
        Assert.True(watchedAfter.Devices >= 1);
        var sent = await NotificationsAsync(deviceId, 2);
        Assert.Equal([AlarmState.Active, AlarmState.Normal], sent.Select(n => n.Alarm!.State));
    }

    /// <summary>The device judges a reading at the wall clock's time, writes its state, and the reading is fed to the watch as a checkpoint feeds it.</summary>
    private async Task<DateTime> ReadAsync(IDeviceGrain device, string deviceId, string? productId = null)
    {
        var time = DateTime.UtcNow;
        await device.Judge([new Reading { DeviceId = deviceId, ProductId = productId, Timestamp = time, Metrics = [new Metric("temperature", 21.5)] }]);
        await device.Persist();
        await fixture.Grains.GetGrain<INoDataFeedGrain>(0).Seen([new LastSeen { DeviceId = deviceId, ProductId = productId, Time = time }], eventClock: null);
        return time;
    }

    private static async Task<AlarmView> NoDataAlarmAsync(IDeviceGrain device, string deviceId, string phase)
    {
        AlarmView? alarm = null;
        await Eventually.Until(
            async () => (alarm = (await device.GetAlarms()).SingleOrDefault(a => a.Rule == "NoData")) is not null,
            Deadline,
            $"the NoData alarm of {deviceId} after {phase}");
        return alarm!;
    }

    private async Task<AlarmView[]> IndexedAsync(string deviceId)
    {
        var shards = Enumerable.Range(0, 16).Select(shard => fixture.Grains.GetGrain<IAlarmIndexGrain>(shard).List(new AlarmQuery { DeviceId = deviceId }));
        return [.. (await Task.WhenAll(shards)).SelectMany(found => found)];
    }

    private static async Task<List<Notification>> NotificationsAsync(string deviceId, int atLeast)
    {
        await Eventually.Until(() => Delivered(deviceId).Count >= atLeast, Deadline, $"{atLeast} alarm notifications of {deviceId}");
        return Delivered(deviceId);
    }

    private static List<Notification> Delivered(string deviceId) =>
        [.. RecordingSink.Instance.DeliveredFor(deviceId).Where(n => n.Alarm is { Rule: "NoData", Renotify: false })];

    /// <summary>
    /// A watch shard whose activation is on <paramref name="silo"/>. The primary silo's sweeper may have activated every
    /// shard before the secondary joined; idle activations are then collected, and placed again at random over both silos.
    /// </summary>
    private async Task<long> ShardOnAsync(SiloAddress silo)
    {
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var watches = Enumerable.Range(0, NoDataClusterFixture.Shards).Select(shard => fixture.Grains.GetGrain<INoDataWatchGrain>(shard)).ToArray();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await Task.WhenAll(watches.Select(w => w.GetSnapshot()));
            var statistics = await management.GetDetailedGrainStatistics();
            var onSilo = statistics.Where(s => s.SiloAddress.Equals(silo)).Select(s => s.GrainId).ToHashSet();
            if (Enumerable.Range(0, watches.Length).FirstOrDefault(shard => onSilo.Contains(watches[shard].GetGrainId()), -1) is var found and >= 0)
            {
                return found;
            }
            await management.ForceActivationCollection(TimeSpan.Zero);
        }
        throw new InvalidOperationException($"no no-data watch shard was placed on {silo} in 10 tries");
    }
}
