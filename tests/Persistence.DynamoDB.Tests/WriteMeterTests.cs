using System.Diagnostics.Metrics;
using Actors.Persistence.DynamoDB.Tests.Grains;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Xunit;

namespace Actors.Persistence.DynamoDB.Tests;

/// <summary>
/// The provider's write counter against the items moto holds after each request: a put is billed by the larger of the
/// old and the new item, a delete by the deleted item, 1 WRU per started KB.
/// </summary>
[Collection(DynamoDBCollection.Name)]
[Trait("Service", "moto")]
public sealed class WriteMeterTests(DynamoDBClusterFixture fixture)
{
    private const string StateName = "state";

    [Fact]
    public async Task Counted_bytes_and_units_match_the_items_written_and_deleted()
    {
        using var client = fixture.CreateClient();
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meter = new DynamoDBWriteMeter(meters.GetRequiredService<IMeterFactory>());
        var storage = fixture.CreateStorage(DynamoDBClusterFixture.TableName, client: client, writes: meter);
        await storage.InitializeAsync(CancellationToken.None);
        var grainType = $"metered{Guid.NewGuid():N}";
        var small = GrainId.Create(grainType, "small");
        var large = GrainId.Create(grainType, "large");
        long expectedBytes = 0;
        long expectedUnits = 0;

        var smallState = new GrainState<TestState>(new TestState { Value = "tiny" });
        await storage.WriteStateAsync(StateName, small, smallState);
        var smallSize = await StoredSizeAsync(client, small);
        Bill(smallSize);

        var largeState = new GrainState<TestState>(new TestState { Value = new string('x', 3_500) });
        await storage.WriteStateAsync(StateName, large, largeState);
        var largeSize = await StoredSizeAsync(client, large);
        Bill(largeSize);

        largeState.State!.Value = "shrunk";
        await storage.WriteStateAsync(StateName, large, largeState);
        var shrunkSize = await StoredSizeAsync(client, large);
        Bill(Math.Max(largeSize, shrunkSize));

        await storage.ClearStateAsync(StateName, small, smallState);
        Assert.Null(await StoredSizeOrNullAsync(client, small));
        Bill(smallSize);

        Assert.True(largeSize > 3 * 1024, $"the large item has {largeSize} bytes");
        Assert.True(shrunkSize < 1024, $"the shrunk item has {shrunkSize} bytes");
        var counted = Assert.Single(meter.ByGrainType);
        Assert.Equal(grainType, counted.Key);
        Assert.Equal(new DynamoDBWrites(4, expectedBytes, expectedUnits), counted.Value);
        Assert.Equal(counted.Value, meter.Total);

        void Bill(int bytes)
        {
            expectedBytes += bytes;
            expectedUnits += (bytes + 1023) / 1024;
        }
    }

    [Fact]
    public async Task A_write_refused_on_its_condition_is_billed_too()
    {
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meter = new DynamoDBWriteMeter(meters.GetRequiredService<IMeterFactory>());
        var storage = fixture.CreateStorage(DynamoDBClusterFixture.TableName, writes: meter);
        await storage.InitializeAsync(CancellationToken.None);
        var grainId = GrainId.Create($"conflict{Guid.NewGuid():N}", "1");
        await storage.WriteStateAsync(StateName, grainId, new GrainState<TestState>(new TestState { Value = "first" }));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync(StateName, grainId, new GrainState<TestState>(new TestState { Value = "stale" }) { ETag = "not-the-stored-one" }));

        Assert.Equal(2, meter.Total.Requests);
        Assert.Equal(2, meter.Total.WriteUnits);
    }

    [Fact]
    public async Task The_silos_meter_reports_the_grains_writes_as_metrics()
    {
        var grain = fixture.Cluster.Client.GetGrain<IStateTestGrain>($"metrics-{Guid.NewGuid():N}");
        var silos = fixture.Cluster.Silos.Select(silo => silo.ServiceProvider).ToList();
        using var listener = new MeterListener();
        var reported = 0L;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DynamoDBWriteMeter.MeterName && instrument.Name == "dynamodb.storage.write_units")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "grain_type" && Equals(tag.Value, grain.GetGrainId().Type.ToString()))
                {
                    Interlocked.Add(ref reported, value);
                }
            }
        });
        listener.Start();
        long Counted() => silos.Sum(s => s.GetRequiredService<DynamoDBWriteMeter>().ByGrainType.GetValueOrDefault(grain.GetGrainId().Type.ToString()!)?.WriteUnits ?? 0);
        var before = Counted();

        await grain.SetAsync(new string('z', 2_000));

        using var client = fixture.CreateClient();
        var expectedUnits = DynamoDBItemSize.WriteUnits(await StoredSizeAsync(client, grain.GetGrainId(), StateTestGrain.StateName));
        Assert.True(expectedUnits >= 2, $"a 2,000-character state costs {expectedUnits} units");
        Assert.Equal(expectedUnits, Counted() - before);
        Assert.Equal(expectedUnits, Interlocked.Read(ref reported));
    }

    private async Task<int> StoredSizeAsync(IAmazonDynamoDB client, GrainId grainId, string stateName = StateName) =>
        await StoredSizeOrNullAsync(client, grainId, stateName) ?? throw new InvalidOperationException($"no item for {grainId}");

    private async Task<int?> StoredSizeOrNullAsync(IAmazonDynamoDB client, GrainId grainId, string stateName = StateName)
    {
        var item = (await client.GetItemAsync(new GetItemRequest
        {
            TableName = DynamoDBClusterFixture.TableName,
            Key = new() { [DynamoDBGrainStorage.PartitionKeyAttribute] = new AttributeValue { S = fixture.PartitionKey(stateName, grainId) } },
            ConsistentRead = true,
        })).Item;
        return item is { Count: > 0 } ? DynamoDBItemSize.Of(item) : null;
    }
}
