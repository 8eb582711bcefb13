using Xunit;
using Actors.Grains.Interfaces;
using Actors.Grains.Notifier;
using Actors.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;
using Orleans.TestingHost;
using static Actors.Grains.Tests.TestReadings;

namespace Actors.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class NotifierGrainTests(ClusterFixture fixture)
{
    private async Task UseThreshold(string device)
    {
        var rules = fixture.Grains.GetGrain<IRulesGrain>(RulesGrainKey.Default);
        await rules.Set((await rules.Get()) with { Thresholds = [new ThresholdRule { Metric = "temperature", Upper = 30, DeviceId = device }] });
    }

    [Fact]
    public async Task Repeats_within_the_cooldown_are_folded_into_one_summary_with_the_count()
    {
        var device = UniqueId("storm");
        await UseThreshold(device);

        var result = await fixture.Grains.GetGrain<IDeviceGrain>(device).Judge(
            Enumerable.Range(0, 6).Select(i => At(device, i, "temperature", 40 + i)).ToArray());

        Assert.Equal(6, result.Anomalies.Length);
        await Eventually.Until(() => RecordingSink.Instance.DeliveredFor(device).Count == 2, TimeSpan.FromSeconds(20), $"first alert and summary for {device}");
        var delivered = RecordingSink.Instance.DeliveredFor(device);
        Assert.Equal(1, delivered[0].Count);
        Assert.Equal(40, delivered[0].Anomaly.MeasuredValue);
        Assert.Equal(5, delivered[1].Count);
        Assert.Equal(45, delivered[1].Anomaly.MeasuredValue);
        Assert.Equal(Start.AddSeconds(1), delivered[1].FirstTargetTime);
        var recent = await fixture.Grains.GetGrain<INotifierGrain>(NotifierShard.For(device, 4)).GetRecent(new AlertQuery { DeviceId = device });
        Assert.Equal(6, recent.Length);
    }

    [Fact]
    public async Task A_failing_sink_is_retried_until_it_accepts_and_nothing_is_lost()
    {
        var device = UniqueId("outage");
        await UseThreshold(device);
        RecordingSink.Instance.FailFor(device, 3);
        var failedBefore = RecordingSink.Instance.FailedCalls;

        await fixture.Grains.GetGrain<IDeviceGrain>(device).Judge([At(device, 0, "temperature", 41)]);

        await Eventually.Until(() => RecordingSink.Instance.DeliveredFor(device).Count == 1, TimeSpan.FromSeconds(20), $"delivery after the outage for {device}");
        Assert.True(RecordingSink.Instance.FailedCalls - failedBefore >= 3);
        Assert.Equal(41, Assert.Single(RecordingSink.Instance.DeliveredFor(device)).Anomaly.MeasuredValue);
    }

    [Fact]
    public async Task The_same_alert_sent_twice_is_recorded_once()
    {
        var device = UniqueId("again");
        var anomaly = new Anomaly
        {
            AlertId = $"{device}/temperature/Threshold/x", AnomalyType = AnomalyType.Threshold, TargetTime = Start,
            MeasuredValue = 50, UpperLimit = 30, DeviceId = device, Metric = "temperature",
        };
        var notifier = fixture.Grains.GetGrain<INotifierGrain>(NotifierShard.For(device, 4));

        await notifier.Notify([anomaly]);
        await notifier.Notify([anomaly]);

        Assert.Single(await notifier.GetRecent(new AlertQuery { DeviceId = device }));
    }

    [Fact]
    public async Task A_segment_its_writer_left_uncommitted_neither_stalls_the_shard_nor_counts_as_recorded()
    {
        var device = UniqueId("orphan");
        var shard = 1_000 + Random.Shared.Next(1_000_000);
        var uncommitted = Anomaly(device, "uncommitted");
        var primary = Assert.IsType<InProcessSiloHandle>(fixture.Cluster.Primary);
        var storage = primary.SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.State);
        await new AlertSegmentStore(storage).WriteNewAsync(shard, new AlertSegment { Sequence = 0, WrittenAt = DateTime.UtcNow, Anomalies = [uncommitted] });
        var notifier = fixture.Grains.GetGrain<INotifierGrain>(shard);

        await notifier.Notify([uncommitted, Anomaly(device, "new")]);

        Assert.Equal([$"{device}/new", $"{device}/uncommitted"], (await notifier.GetRecent(new AlertQuery { DeviceId = device })).Select(a => a.AlertId).Order());
    }

    [Fact]
    public async Task Queued_anomalies_are_committed_and_delivered_within_the_commit_interval_without_a_flush()
    {
        var device = UniqueId("queued");
        var notifier = fixture.Grains.GetGrain<INotifierGrain>(1_000 + Random.Shared.Next(1_000_000));

        var ticket = await notifier.Queue([Anomaly(device, "queued")]);

        await Eventually.Until(async () => (await notifier.GetRecent(new AlertQuery { DeviceId = device })).Length == 1, TimeSpan.FromSeconds(20), $"the commit of {device}'s queued anomaly");
        Assert.True(await notifier.Flush(ticket));
        await Eventually.Until(() => RecordingSink.Instance.DeliveredFor(device).Count == 1, TimeSpan.FromSeconds(20), $"delivery of {device}'s queued anomaly");
    }

    [Fact]
    public async Task A_ticket_survives_the_shard_moving_and_one_of_an_activation_the_shard_never_knew_is_lost()
    {
        var device = UniqueId("moved");
        var notifier = fixture.Grains.GetGrain<INotifierGrain>(1_000 + Random.Shared.Next(1_000_000));
        await notifier.Notify([Anomaly(device, "before")]);
        var ticket = await notifier.Queue([Anomaly(device, "queued")]);

        await notifier.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Eventually.Until(async () =>
            !(await fixture.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics()).Any(s => s.GrainId == notifier.GetGrainId()),
            TimeSpan.FromSeconds(30), $"notifier shard {notifier.GetPrimaryKeyLong()} to deactivate");

        Assert.Equal(2, (await notifier.GetRecent(new AlertQuery { DeviceId = device })).Length);
        Assert.True(await notifier.Flush(ticket));
        Assert.False(await notifier.Flush(ticket with { Request = ticket.Request + 1 }));
        Assert.False(await notifier.Flush(ticket with { Activation = Guid.NewGuid() }));
    }

    private static Anomaly Anomaly(string device, string name) => new()
    {
        AlertId = $"{device}/{name}", AnomalyType = AnomalyType.Threshold, TargetTime = Start,
        MeasuredValue = 50, UpperLimit = 30, DeviceId = device, Metric = "temperature",
    };
}
