using Actors.Grains.Alarms;
using Actors.Grains.Interfaces;
using Actors.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit;
using static Actors.Grains.Tests.TestReadings;

namespace Actors.Grains.Tests.Alarms;

/// <summary>Alarms raised, acknowledged, snoozed and cleared through the device grains of a two-silo cluster.</summary>
public sealed class AlarmGrainTests(AlarmClusterFixture fixture) : IClassFixture<AlarmClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private const string Source = "shard-1";

    [Fact]
    public async Task An_alarm_is_raised_acknowledged_and_cleared_with_one_notification_per_transition_and_the_index_follows()
    {
        var deviceId = await DeviceWithThresholdAsync("raise");
        var device = fixture.Grains.GetGrain<IDeviceGrain>(deviceId);

        await device.Judge([At(deviceId, 0, "temperature", 25), At(deviceId, 1, "temperature", 31)]);
        var raised = Assert.Single(await device.GetAlarms());
        var indexed = Assert.Single(await IndexedAsync(deviceId));
        var acknowledged = await Operator(device, AlarmAction.Acknowledge, "checking the fan");
        await device.Judge([At(deviceId, 2, "temperature", 29.5), At(deviceId, 3, "temperature", 28)]);

        Assert.Equal((AlarmState.Active, 3, 31.0), (raised.State, raised.Severity, raised.Cause!.MeasuredValue));
        Assert.Equal((AlarmState.Active, "temperature", "Threshold"), (indexed.State, indexed.Metric, indexed.Rule));
        Assert.Equal(AlarmState.Acknowledged, acknowledged.State);
        Assert.Equal(("ops-anna", "checking the fan"), (acknowledged.History[0].Actor, acknowledged.History[0].Note));
        Assert.Empty(await device.GetAlarms());
        Assert.Empty(await IndexedAsync(deviceId));
        var sent = await AlarmNotificationsAsync(deviceId, 3);
        Assert.Equal(
            [(AlarmState.Normal, AlarmState.Active), (AlarmState.Active, AlarmState.Acknowledged), (AlarmState.Acknowledged, AlarmState.Normal)],
            sent.Select(n => (n.Alarm!.PreviousState, n.Alarm.State)));
        Assert.Equal("ops-anna", sent[1].Alarm!.Actor);
        Assert.All(sent, n => Assert.Equal(n.Alarm!.TransitionId, n.NotificationId));
    }

    [Fact]
    public async Task An_unacknowledged_alarm_latches_and_an_action_on_no_alarm_is_refused()
    {
        var deviceId = await DeviceWithThresholdAsync("latch");
        var device = fixture.Grains.GetGrain<IDeviceGrain>(deviceId);

        var refused = await Assert.ThrowsAsync<AlarmActionRefusedException>(() => Operator(device, AlarmAction.Acknowledge, null));
        await device.Judge([At(deviceId, 0, "temperature", 35), At(deviceId, 1, "temperature", 20)]);

        Assert.Contains("no Threshold alarm", refused.Message, StringComparison.Ordinal);
        Assert.Equal(AlarmState.Latched, Assert.Single(await device.GetAlarms()).State);
        Assert.Equal(AlarmState.Latched, Assert.Single(await IndexedAsync(deviceId)).State);
    }

    [Fact]
    public async Task An_active_alarm_is_renotified_on_the_device_timer_and_a_snooze_ends_by_itself()
    {
        var deviceId = await DeviceWithThresholdAsync("timer");
        var device = fixture.Grains.GetGrain<IDeviceGrain>(deviceId);

        await device.Judge([At(deviceId, 0, "temperature", 35)]);
        await Eventually.Until(() => Delivered(deviceId, reminders: true).Count > 0, Deadline, $"a reminder of the active alarm of {deviceId}");
        var snoozed = await Operator(device, AlarmAction.Snooze, "maintenance", DateTime.UtcNow.AddSeconds(1));
        await Eventually.Until(async () => (await device.GetAlarms()).Length == 0, Deadline, $"the end of the snooze of {deviceId}");

        Assert.Equal(AlarmState.Snoozed, snoozed.State);
        var sent = await AlarmNotificationsAsync(deviceId, 3);
        Assert.Equal([AlarmState.Active, AlarmState.Snoozed, AlarmState.Normal], sent.Select(n => n.Alarm!.State));
        Assert.Empty(await IndexedAsync(deviceId));
    }

    [Fact]
    public async Task After_its_silo_dies_a_device_judging_again_from_its_checkpoint_sends_no_transition_twice()
    {
        var (deviceId, silo) = await DeviceOnSecondarySiloAsync();
        var device = fixture.Grains.GetGrain<IDeviceGrain>(deviceId);
        var first = await device.Judge([At(deviceId, 0, "temperature", 35)], Source);
        await device.Persist(Source, first.Mark);
        Reading[] clearing = [At(deviceId, 1, "temperature", 20)];
        await device.Judge(clearing, Source, first.Mark);
        await AlarmNotificationsAsync(deviceId, 2);

        await fixture.Cluster.KillSiloAsync(silo);
        var again = await device.Judge(clearing, Source);
        var acknowledged = await Operator(device, AlarmAction.Acknowledge, "seen after the failover");
        await fixture.Cluster.StartAdditionalSiloAsync();

        Assert.Equal(1, again.Accepted);
        Assert.Equal(AlarmState.Normal, acknowledged.State);
        var sent = await AlarmNotificationsAsync(deviceId, 3);
        Assert.Equal([AlarmState.Active, AlarmState.Latched, AlarmState.Normal], sent.Select(n => n.Alarm!.State));
        Assert.Equal(3, sent.Select(n => n.NotificationId).Distinct().Count());
    }

    private async Task<string> DeviceWithThresholdAsync(string prefix)
    {
        var deviceId = UniqueId(prefix);
        var rules = fixture.Grains.GetGrain<IRulesGrain>(RulesGrainKey.Default);
        var current = await rules.Get();
        await rules.Set(current with { Thresholds = [.. current.Thresholds, new ThresholdRule { Metric = "temperature", Upper = 30, DeviceId = deviceId }] });
        return deviceId;
    }

    private static Task<AlarmView> Operator(IDeviceGrain device, AlarmAction action, string? note, DateTime? until = null) =>
        device.ActOnAlarm(new AlarmCommand { Metric = "temperature", Rule = "Threshold", Action = action, Actor = "ops-anna", Note = note, Until = until });

    private async Task<AlarmView[]> IndexedAsync(string deviceId)
    {
        var shards = Enumerable.Range(0, 16).Select(shard => fixture.Grains.GetGrain<IAlarmIndexGrain>(shard).List(new AlarmQuery { DeviceId = deviceId }));
        return [.. (await Task.WhenAll(shards)).SelectMany(found => found)];
    }

    private static async Task<List<Notification>> AlarmNotificationsAsync(string deviceId, int atLeast)
    {
        await Eventually.Until(() => Delivered(deviceId).Count >= atLeast, Deadline, $"{atLeast} alarm notifications of {deviceId}");
        return Delivered(deviceId);
    }

    /// <summary>The alarm notifications delivered for the device, without reminders unless asked for.</summary>
    private static List<Notification> Delivered(string deviceId, bool reminders = false) =>
        [.. RecordingSink.Instance.DeliveredFor(deviceId).Where(n => n.Alarm is { } alarm && alarm.Renotify == reminders)];

    private async Task<(string DeviceId, SiloHandle Silo)> DeviceOnSecondarySiloAsync()
    {
        var secondary = fixture.Cluster.SecondarySilos[0];
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var deviceId = await DeviceWithThresholdAsync("failover");
            await fixture.Grains.GetGrain<IDeviceGrain>(deviceId).GetSnapshot();
            var statistics = await management.GetDetailedGrainStatistics();
            if (statistics.Any(s => s.GrainId.Key.ToString() == deviceId && s.SiloAddress.Equals(secondary.SiloAddress)))
            {
                return (deviceId, secondary);
            }
        }
        throw new InvalidOperationException("no device grain was placed on the secondary silo in 100 tries");
    }

    [Fact]
    public async Task An_index_shard_writes_nothing_per_update_and_its_latest_alarms_when_it_deactivates()
    {
        var shard = fixture.Grains.GetGrain<IAlarmIndexGrain>(1_000 + Random.Shared.Next(1_000_000));
        var devices = Enumerable.Range(0, 10).Select(_ => UniqueId("indexed")).ToArray();

        for (var round = 1; round <= 20; round++)
        {
            foreach (var device in devices)
            {
                await shard.Update(device, [IndexedAlarm(device, count: round)]);
            }
        }
        await shard.Update(devices[0], []);
        var beforeDeactivation = await StoredAsync(shard);
        await shard.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Eventually.Until(async () => await StoredAsync(shard) is not null, TimeSpan.FromSeconds(30), "the index shard to write as it deactivates");

        Assert.Null(beforeDeactivation);
        var stored = (await StoredAsync(shard))!;
        Assert.Equal(devices[1..].Order(), stored.Devices.Keys.Order());
        Assert.All(stored.Devices.Values, alarms => Assert.Equal(20, Assert.Single(alarms).Count));
        Assert.Equal(9, (await shard.List(new AlarmQuery())).Length);
    }

    private static AlarmView IndexedAlarm(string device, int count) => new()
    {
        DeviceId = device, Metric = "temperature", Rule = "Threshold", State = AlarmState.Active, Severity = 3, Since = Start, Count = count,
    };

    /// <summary>The shard's state as written, if it was; an index shard is the size of all its alarms, so it must not write per update.</summary>
    private async Task<AlarmIndexState?> StoredAsync(IAlarmIndexGrain shard)
    {
        var services = Assert.IsType<InProcessSiloHandle>(fixture.Cluster.Primary).SiloHost.Services;
        var state = new GrainState<AlarmIndexState>(new AlarmIndexState());
        await services.GetRequiredKeyedService<IGrainStorage>(StorageNames.State).ReadStateAsync("alarm-index", shard.GetGrainId(), state);
        return state.RecordExists ? state.State : null;
    }
}
