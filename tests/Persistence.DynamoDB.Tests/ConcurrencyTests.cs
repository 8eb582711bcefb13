using Actors.Persistence.DynamoDB.Tests.Grains;
using Amazon.DynamoDBv2.Model;
using Orleans.Storage;
using Xunit;

namespace Actors.Persistence.DynamoDB.Tests;

/// <summary>Optimistic concurrency between the providers of two silos sharing one table.</summary>
[Collection(DynamoDBCollection.Name)]
[Trait("Service", "moto")]
public sealed class ConcurrencyTests(DynamoDBClusterFixture fixture)
{
    private const string StateName = "state";

    [Fact]
    public async Task Write_with_a_stale_etag_is_an_inconsistent_state_and_changes_nothing()
    {
        var first = fixture.StorageOfSilo(0);
        var second = fixture.StorageOfSilo(1);
        var grainId = NewGrainId();
        var firstState = new GrainState<TestState>(new TestState { Value = "one" });
        await first.WriteStateAsync(StateName, grainId, firstState);
        var secondState = new GrainState<TestState>(new TestState());
        await second.ReadStateAsync(StateName, grainId, secondState);
        Assert.Equal(firstState.ETag, secondState.ETag);
        var staleETag = secondState.ETag;

        firstState.State!.Value = "two";
        await first.WriteStateAsync(StateName, grainId, firstState);
        secondState.State!.Value = "stale";
        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => second.WriteStateAsync(StateName, grainId, secondState));

        Assert.IsType<ConditionalCheckFailedException>(exception.InnerException);
        Assert.Equal(firstState.ETag, exception.StoredEtag);
        Assert.Equal(staleETag, exception.CurrentEtag);
        Assert.Equal(staleETag, secondState.ETag);
        var check = new GrainState<TestState>(new TestState());
        await second.ReadStateAsync(StateName, grainId, check);
        Assert.Equal("two", check.State!.Value);
        Assert.Equal(firstState.ETag, check.ETag);
    }

    [Fact]
    public async Task First_write_of_a_state_that_already_exists_is_an_inconsistent_state()
    {
        var grainId = NewGrainId();
        await fixture.StorageOfSilo(0).WriteStateAsync(StateName, grainId, new GrainState<TestState>(new TestState { Value = "first" }));

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() =>
            fixture.StorageOfSilo(1).WriteStateAsync(StateName, grainId, new GrainState<TestState>(new TestState { Value = "second" })));

        Assert.IsType<ConditionalCheckFailedException>(exception.InnerException);
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_is_an_inconsistent_state_and_keeps_the_item()
    {
        var first = fixture.StorageOfSilo(0);
        var second = fixture.StorageOfSilo(1);
        var grainId = NewGrainId();
        var firstState = new GrainState<TestState>(new TestState { Value = "one" });
        await first.WriteStateAsync(StateName, grainId, firstState);
        var secondState = new GrainState<TestState>(new TestState());
        await second.ReadStateAsync(StateName, grainId, secondState);
        firstState.State!.Value = "two";
        await first.WriteStateAsync(StateName, grainId, firstState);

        await Assert.ThrowsAsync<InconsistentStateException>(() => second.ClearStateAsync(StateName, grainId, secondState));

        var check = new GrainState<TestState>(new TestState());
        await first.ReadStateAsync(StateName, grainId, check);
        Assert.True(check.RecordExists);
        Assert.Equal("two", check.State!.Value);
    }

    [Fact]
    public async Task Read_write_clear_cycle_keeps_etags_consistent()
    {
        var storage = fixture.StorageOfSilo(0);
        var grainId = NewGrainId();
        var state = new GrainState<TestState>(new TestState());

        await storage.ReadStateAsync(StateName, grainId, state);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);

        state.State!.Value = "a";
        await storage.WriteStateAsync(StateName, grainId, state);
        var firstETag = state.ETag;
        Assert.True(state.RecordExists);
        state.State!.Value = "b";
        await storage.WriteStateAsync(StateName, grainId, state);
        Assert.NotEqual(firstETag, state.ETag);

        await storage.ClearStateAsync(StateName, grainId, state);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Null(state.State!.Value);

        state.State!.Value = "c";
        await storage.WriteStateAsync(StateName, grainId, state);
        var reread = new GrainState<TestState>(new TestState());
        await fixture.StorageOfSilo(1).ReadStateAsync(StateName, grainId, reread);
        Assert.Equal("c", reread.State!.Value);
    }

    private static GrainId NewGrainId() => GrainId.Create("concurrencytest", Guid.NewGuid().ToString("N"));
}
