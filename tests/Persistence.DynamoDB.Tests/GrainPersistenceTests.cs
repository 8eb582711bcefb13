using Actors.Persistence.DynamoDB.Tests.Grains;
using Amazon.DynamoDBv2.Model;
using Orleans.Storage;
using Xunit;

namespace Actors.Persistence.DynamoDB.Tests;

/// <summary>Grains of a two-silo cluster persisting through the provider.</summary>
[Collection(DynamoDBCollection.Name)]
[Trait("Service", "moto")]
public sealed class GrainPersistenceTests(DynamoDBClusterFixture fixture)
{
    [Fact]
    public async Task Written_state_is_read_back_by_a_new_activation()
    {
        var grain = fixture.Cluster.Client.GetGrain<IStateTestGrain>($"round-trip-{Guid.NewGuid():N}");
        await grain.SetAsync("hello");
        var firstActivation = await grain.GetActivationIdAsync();

        await grain.DeactivateAsync();
        await fixture.Cluster.WaitForDeactivationAsync(grain);

        Assert.NotEqual(firstActivation, await grain.GetActivationIdAsync());
        Assert.Equal("hello", await grain.GetAsync());
    }

    [Fact]
    public async Task Written_state_is_one_item_with_the_documented_key()
    {
        var grain = fixture.Cluster.Client.GetGrain<IStateTestGrain>($"item-{Guid.NewGuid():N}");
        await grain.SetAsync("stored");

        using var client = fixture.CreateClient();
        var item = await GetItemAsync(client, fixture.PartitionKey(StateTestGrain.StateName, grain.GetGrainId()));

        Assert.NotNull(item);
        Assert.True(item[DynamoDBGrainStorage.StateAttribute].B.Length > 0, "the State attribute holds the serialized state");
        Assert.False(string.IsNullOrEmpty(item[DynamoDBGrainStorage.ETagAttribute].S), "the item has an ETag");
        Assert.Equal(grain.GetGrainId().ToString(), item[DynamoDBGrainStorage.GrainIdAttribute].S);
    }

    [Fact]
    public async Task Clear_deletes_the_item()
    {
        var grain = fixture.Cluster.Client.GetGrain<IStateTestGrain>($"clear-{Guid.NewGuid():N}");
        await grain.SetAsync("to be cleared");
        using var client = fixture.CreateClient();
        var key = fixture.PartitionKey(StateTestGrain.StateName, grain.GetGrainId());
        Assert.NotNull(await GetItemAsync(client, key));

        await grain.ClearAsync();

        Assert.Null(await GetItemAsync(client, key));
        Assert.Null(await grain.GetAsync());
        await grain.DeactivateAsync();
        await fixture.Cluster.WaitForDeactivationAsync(grain);
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task Oversized_state_fails_the_grain_call_with_the_size_error()
    {
        var grain = fixture.Cluster.Client.GetGrain<IStateTestGrain>($"oversized-{Guid.NewGuid():N}");

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => grain.SetAsync(new string('x', 450 * 1024)));

        Assert.Contains(Chain(exception), e => e is GrainStateTooLargeException);
        using var client = fixture.CreateClient();
        Assert.Null(await GetItemAsync(client, fixture.PartitionKey(StateTestGrain.StateName, grain.GetGrainId())));
    }

    [Fact]
    public void Each_silo_has_its_own_started_provider_with_the_silo_serializer()
    {
        var first = Assert.IsType<DynamoDBGrainStorage>(fixture.StorageOfSilo(0));
        var second = Assert.IsType<DynamoDBGrainStorage>(fixture.StorageOfSilo(1));

        Assert.NotSame(first, second);
    }

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }

    private static async Task<Dictionary<string, AttributeValue>?> GetItemAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client, string key)
    {
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = DynamoDBClusterFixture.TableName,
            Key = new() { [DynamoDBGrainStorage.PartitionKeyAttribute] = new AttributeValue { S = key } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item : null;
    }
}
