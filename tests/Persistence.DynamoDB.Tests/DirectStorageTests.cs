using Actors.Persistence.DynamoDB.Tests.Grains;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Orleans.Storage;
using Xunit;

namespace Actors.Persistence.DynamoDB.Tests;

/// <summary>The provider outside a cluster: table creation, size limit, clear without delete.</summary>
[Collection(DynamoDBCollection.Name)]
[Trait("Service", "moto")]
public sealed class DirectStorageTests(DynamoDBClusterFixture fixture)
{
    private const string StateName = "state";

    [Fact]
    public async Task Start_creates_a_missing_table_on_demand_and_waits_until_active()
    {
        var tableName = $"AutoCreated-{Guid.NewGuid():N}";
        using var client = fixture.CreateClient();
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.DescribeTableAsync(tableName));

        await fixture.CreateStorage(tableName).InitializeAsync(CancellationToken.None);

        var table = (await client.DescribeTableAsync(tableName)).Table;
        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        var key = Assert.Single(table.KeySchema);
        Assert.Equal(DynamoDBGrainStorage.PartitionKeyAttribute, key.AttributeName);
        Assert.Equal(KeyType.HASH, key.KeyType);
        Assert.Equal(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary?.BillingMode);
    }

    [Fact]
    public async Task The_cluster_created_its_table_on_start()
    {
        using var client = fixture.CreateClient();

        var table = (await client.DescribeTableAsync(DynamoDBClusterFixture.TableName)).Table;

        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
    }

    [Fact]
    public async Task Start_fails_on_a_missing_table_when_creation_is_off()
    {
        var tableName = $"Missing-{Guid.NewGuid():N}";
        var storage = fixture.CreateStorage(tableName, options => options.CreateIfNotExists = false);

        var exception = await Assert.ThrowsAsync<DynamoDBStorageException>(() => storage.InitializeAsync(CancellationToken.None));

        Assert.Contains(tableName, exception.Message);
        Assert.Contains(nameof(DynamoDBGrainStorageOptions.CreateIfNotExists), exception.Message);
    }

    [Fact]
    public async Task Oversized_state_is_refused_before_any_service_call()
    {
        using var client = fixture.CreateClient();
        var requests = 0;
        client.BeforeRequestEvent += (_, _) => Interlocked.Increment(ref requests);
        var storage = fixture.CreateStorage(DynamoDBClusterFixture.TableName, client: client);
        await storage.InitializeAsync(CancellationToken.None);
        var grainId = GrainId.Create("sizetest", Guid.NewGuid().ToString("N"));
        var state = new GrainState<TestState>(new TestState { Value = new string('x', 450 * 1024) });
        var requestsBefore = Volatile.Read(ref requests);

        var exception = await Assert.ThrowsAsync<GrainStateTooLargeException>(() => storage.WriteStateAsync(StateName, grainId, state));

        Assert.Equal(requestsBefore, Volatile.Read(ref requests));
        Assert.Equal(StateName, exception.StateName);
        Assert.Equal(grainId.ToString(), exception.GrainId);
        Assert.True(exception.ItemSize > DynamoDBGrainStorage.MaxItemSize, $"item size {exception.ItemSize}");
        Assert.Contains(grainId.ToString(), exception.Message);
        Assert.Contains(exception.ItemSize.ToString(System.Globalization.CultureInfo.InvariantCulture), exception.Message);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task Large_state_under_the_limit_is_written_and_counted_as_a_service_call()
    {
        using var client = fixture.CreateClient();
        var requests = 0;
        client.BeforeRequestEvent += (_, _) => Interlocked.Increment(ref requests);
        var storage = fixture.CreateStorage(DynamoDBClusterFixture.TableName, client: client);
        await storage.InitializeAsync(CancellationToken.None);
        var grainId = GrainId.Create("sizetest", Guid.NewGuid().ToString("N"));
        var value = new string('y', 300 * 1024);
        var requestsBefore = Volatile.Read(ref requests);

        await storage.WriteStateAsync(StateName, grainId, new GrainState<TestState>(new TestState { Value = value }));

        Assert.True(Volatile.Read(ref requests) > requestsBefore, "the write reached the service");
        var reread = new GrainState<TestState>(new TestState());
        await storage.ReadStateAsync(StateName, grainId, reread);
        Assert.Equal(value, reread.State!.Value);
    }

    [Fact]
    public async Task Clear_without_delete_keeps_an_empty_item_with_a_new_etag()
    {
        var storage = fixture.CreateStorage(DynamoDBClusterFixture.TableName, options => options.DeleteStateOnClear = false);
        await storage.InitializeAsync(CancellationToken.None);
        var grainId = GrainId.Create("cleartest", Guid.NewGuid().ToString("N"));
        var state = new GrainState<TestState>(new TestState { Value = "kept?" });
        await storage.WriteStateAsync(StateName, grainId, state);
        var writtenETag = state.ETag;

        await storage.ClearStateAsync(StateName, grainId, state);

        Assert.NotNull(state.ETag);
        Assert.NotEqual(writtenETag, state.ETag);
        Assert.False(state.RecordExists);
        using var client = fixture.CreateClient();
        var item = (await client.GetItemAsync(new GetItemRequest
        {
            TableName = DynamoDBClusterFixture.TableName,
            Key = new() { [DynamoDBGrainStorage.PartitionKeyAttribute] = new AttributeValue { S = fixture.PartitionKey(StateName, grainId) } },
            ConsistentRead = true,
        })).Item;
        Assert.NotNull(item);
        Assert.False(item.ContainsKey(DynamoDBGrainStorage.StateAttribute));
        Assert.Equal(state.ETag, item[DynamoDBGrainStorage.ETagAttribute].S);

        var reread = new GrainState<TestState>(new TestState { Value = "stale in memory" });
        await storage.ReadStateAsync(StateName, grainId, reread);
        Assert.False(reread.RecordExists);
        Assert.Equal(state.ETag, reread.ETag);
        Assert.Null(reread.State!.Value);
        reread.State!.Value = "again";
        await storage.WriteStateAsync(StateName, grainId, reread);
        Assert.True(reread.RecordExists);
    }

    [Fact]
    public async Task Service_errors_keep_the_sdk_exception_inside()
    {
        using var client = fixture.CreateClient();
        var missingTable = fixture.CreateStorage($"NeverCreated-{Guid.NewGuid():N}", client: client);

        var exception = await Assert.ThrowsAsync<DynamoDBStorageException>(() =>
            missingTable.ReadStateAsync(StateName, GrainId.Create("errortest", "1"), new GrainState<TestState>(new TestState())));

        Assert.IsAssignableFrom<AmazonDynamoDBException>(exception.InnerException);
        Assert.Contains("read", exception.Message);
    }
}
