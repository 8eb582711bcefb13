using Actors.Aws.Tests.Notifier;
using Actors.Grains.Interfaces;
using Actors.Persistence.DynamoDB;
using Actors.TestSupport;
using Xunit;

namespace Actors.Aws.Tests.Isolation;

/// <summary>
/// Issue 12, item 3: a grain whose state DynamoDB refuses (a partition key over 2 KB, which the parser now rejects but
/// any caller of the grain can still send) fails the checkpoint's write with the storage error and the service's reason, not with a
/// <c>CodecNotFoundException</c> hiding them.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class StorageErrorTests(MotoServer moto)
{
    [Fact]
    public async Task Storage_error_reaches_the_caller_with_its_cause()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        await using var cluster = await DynamoTestCluster.StartAsync(new Dictionary<string, string?>
        {
            ["Aws:ServiceUrl"] = moto.ServiceUrl.ToString(),
            ["Aws:Region"] = MotoServer.Region,
            ["DynamoDB:ServiceUrl"] = moto.ServiceUrl.ToString(),
            ["DynamoDB:TableName"] = $"state-{suffix}",
        });
        var device = $"long-{suffix}-" + new string('x', 2100);

        var grain = cluster.Client.GetGrain<IDeviceGrain>(device);
        await grain.Judge([new Reading
        {
            DeviceId = device, Timestamp = new DateTime(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc), Metrics = [new Metric("temperature", 20)],
        }]);

        // The checkpointed grain writes through the storage itself (no Orleans state bridge wrapping the error).
        var storageError = await Assert.ThrowsAsync<DynamoDBStorageException>(() => grain.Persist());

        Assert.Contains("failed to write state 'device'", storageError.Message);
        Assert.NotNull(storageError.InnerException);
        Assert.Contains("maximum size limit of2048 bytes", storageError.InnerException.Message);
    }
}
