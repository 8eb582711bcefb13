using Actors.Grains.Interfaces;
using Actors.Grains.Notifier;
using Actors.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit;
using static Actors.Grains.Tests.TestReadings;

namespace Actors.Grains.Tests;

/// <summary>
/// A notifier shard's head stays a few hundred bytes however many cooldowns are open and notifications wait for a sink
/// that is down, and a reloaded shard has them all: it delivers what was pending and folds repeats into the cooldowns
/// it had. Has its own cluster for a cooldown far longer than the test.
/// </summary>
public sealed class NotifierReloadTests : IAsyncLifetime
{
    private const int Devices = 2_000;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifier:Sinks:0"] = "recording",
            ["Notifier:Cooldown"] = "00:30:00",
            ["Notifier:DeliveryInterval"] = "00:00:00.100",
            ["Notifier:RetryBaseDelay"] = "00:00:00.100",
            ["Notifier:RetryMaxDelay"] = "00:00:00.200",
        }));
        builder.AddSiloBuilderConfigurator<ProcessWideStorageSiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_shard_with_thousands_of_open_cooldowns_and_undelivered_notifications_keeps_a_small_head_and_reloads_them()
    {
        var devices = Enumerable.Range(0, Devices).Select(_ => UniqueId("fleet")).ToArray();
        foreach (var device in devices)
        {
            RecordingSink.Instance.FailFor(device, int.MaxValue);
        }
        var notifier = _cluster.Client.GetGrain<INotifierGrain>(Random.Shared.Next(1_000_000));

        await notifier.Notify([.. devices.Select(d => Anomaly(d, 0))]);
        var failedBefore = RecordingSink.Instance.FailedCalls;
        await Eventually.Until(() => RecordingSink.Instance.FailedCalls > failedBefore + 2, TimeSpan.FromSeconds(20), "deliveries to the sink that is down");

        Assert.InRange(await HeadBytesAsync(notifier), 1, 512);
        Assert.Equal(Devices, (await notifier.GetSnapshot()).OutboxDepth);

        await DeactivateAsync(notifier);
        foreach (var device in devices)
        {
            RecordingSink.Instance.FailFor(device, 0);
        }
        await notifier.Notify([Anomaly(devices[0], 1)]);

        await Eventually.Until(() => devices.All(d => RecordingSink.Instance.DeliveredFor(d).Count == 1), TimeSpan.FromSeconds(30), "the pending notifications after the reload");
        var snapshot = await notifier.GetSnapshot();
        Assert.Equal((Devices + 1L, Devices + 0L, 1L), (snapshot.Received, snapshot.Notifications, snapshot.Folded));
        Assert.All(devices, d => Assert.Equal($"{d}/temperature/Threshold/0", Assert.Single(RecordingSink.Instance.DeliveredFor(d)).NotificationId));
    }

    private static Anomaly Anomaly(string device, int second) => new()
    {
        AlertId = $"{device}/temperature/Threshold/{second}", AnomalyType = AnomalyType.Threshold, TargetTime = Start.AddSeconds(second),
        MeasuredValue = 50, UpperLimit = 30, DeviceId = device, Metric = "temperature",
    };

    private async Task<int> HeadBytesAsync(INotifierGrain notifier)
    {
        var services = Assert.IsType<InProcessSiloHandle>(_cluster.Primary).SiloHost.Services;
        var head = new GrainState<NotifierState>(new NotifierState());
        await services.GetRequiredKeyedService<IGrainStorage>(StorageNames.State).ReadStateAsync("notifier", notifier.GetGrainId(), head);
        Assert.True(head.RecordExists);
        return services.GetRequiredService<Serializer>().SerializeToArray(head.State).Length;
    }

    private async Task DeactivateAsync(INotifierGrain notifier)
    {
        await notifier.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Eventually.Until(async () =>
            !(await _cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics()).Any(s => s.GrainId == notifier.GetGrainId()),
            TimeSpan.FromSeconds(30), "the notifier shard to deactivate");
    }
}
