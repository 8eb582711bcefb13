using Actors.Aws.Tests.Notifier;
using Actors.Grains;
using Actors.Grains.Interfaces;
using Actors.Hosting;
using Actors.Hosting.Health;
using Actors.Persistence.DynamoDB;
using Actors.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit;

namespace Actors.Aws.Tests.Isolation;

/// <summary>
/// A grain whose state DynamoDB refuses for good (a partition key over 2 KB, which the parser rejects but any caller of
/// the grain can still send) does not hold up checkpoints: its Persist answers Unwritable, it keeps its state in memory
/// and tries again at the next checkpoint, and its silo reports it (metric, degraded readiness) until a write succeeds.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class StorageErrorTests(MotoServer moto)
{
    [Fact]
    public async Task A_state_DynamoDB_refuses_for_good_is_reported_and_kept_without_holding_up_the_checkpoint()
    {
        await using var cluster = await StartAsync();
        var device = $"long-{Guid.NewGuid():N}-" + new string('x', 2100);
        var grain = cluster.Client.GetGrain<IDeviceGrain>(device);
        await grain.Judge([At(device, 0)]);

        Assert.Equal(PersistResult.Unwritable, await grain.Persist());

        var silo = SiloReporting(cluster, device);
        Assert.Equal(HealthStatus.Degraded, (await new StateWritesHealthCheck(Metrics(silo), NullLogger<StateWritesHealthCheck>.Instance).CheckHealthAsync(new HealthCheckContext())).Status);
        await grain.Judge([At(device, 1)]);
        Assert.Equal(2, (await grain.GetSnapshot()).Accepted);
        Assert.Equal(PersistResult.Unwritable, await grain.Persist());
    }

    [Fact]
    public async Task Only_errors_that_recur_for_the_same_state_count_as_permanent()
    {
        await using var cluster = await StartAsync();
        var storage = Assert.IsType<InProcessSiloHandle>(cluster.Primary).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.State);
        var classifier = new DynamoDBStateWriteErrorClassifier();

        var tooLongKey = await Assert.ThrowsAsync<DynamoDBStorageException>(() =>
            storage.WriteStateAsync("device", GrainId.Create("device", new string('x', 2100)), new GrainState<string>("state")));
        var staleETag = await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("device", GrainId.Create("device", "stale"), new GrainState<string>("state") { ETag = "not-the-stored-one" }));

        Assert.True(classifier.IsPermanent(tooLongKey));
        Assert.True(classifier.IsPermanent(new GrainStateTooLargeException("device", "device/huge", 500_000, DynamoDBGrainStorage.MaxItemSize)));
        Assert.False(classifier.IsPermanent(staleETag));
    }

    private Task<TestCluster> StartAsync() => DynamoTestCluster.StartAsync(DynamoTestCluster.MotoSettings(moto, $"state-{Guid.NewGuid():N}"[..14]));

    private static Reading At(string device, int minute) => new()
    {
        DeviceId = device, Timestamp = new DateTime(2026, 2, 17, 12, minute, 0, DateTimeKind.Utc), Metrics = [new Metric("temperature", 20)],
    };

    private static DetectionMetrics Metrics(SiloHandle silo) => ((InProcessSiloHandle)silo).SiloHost.Services.GetRequiredService<DetectionMetrics>();

    private static SiloHandle SiloReporting(TestCluster cluster, string device) =>
        Assert.Single(cluster.Silos, silo => Metrics(silo).UnwritableStates.Keys.Any(grain => grain.Key.ToString() == device));
}
