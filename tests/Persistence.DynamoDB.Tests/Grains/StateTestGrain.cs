namespace Actors.Persistence.DynamoDB.Tests.Grains;

/// <summary>Persists <see cref="TestState"/> through the provider named <see cref="DynamoDBClusterFixture.StorageName"/>.</summary>
public sealed class StateTestGrain(
    [PersistentState(StateTestGrain.StateName, DynamoDBClusterFixture.StorageName)] IPersistentState<TestState> state)
    : Grain, IStateTestGrain
{
    /// <summary>The state's name, part of the item's key.</summary>
    public const string StateName = "state";

    private readonly Guid _activationId = Guid.NewGuid();

    /// <inheritdoc />
    public Task SetAsync(string value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<string?> GetAsync() => Task.FromResult(state.State.Value);

    /// <inheritdoc />
    public Task ClearAsync() => state.ClearStateAsync();

    /// <inheritdoc />
    public Task<Guid> GetActivationIdAsync() => Task.FromResult(_activationId);

    /// <inheritdoc />
    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
