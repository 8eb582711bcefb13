namespace Actors.Persistence.DynamoDB.Tests.Grains;

/// <summary>A grain whose only job is to persist <see cref="TestState"/> in the DynamoDB provider.</summary>
[Alias("Actors.Persistence.DynamoDB.Tests.IStateTestGrain")]
public interface IStateTestGrain : IGrainWithStringKey
{
    /// <summary>Sets the value and writes the state.</summary>
    [Alias("Set")]
    Task SetAsync(string value);

    /// <summary>Returns the value held by the current activation.</summary>
    [Alias("Get")]
    Task<string?> GetAsync();

    /// <summary>Clears the state in storage.</summary>
    [Alias("Clear")]
    Task ClearAsync();

    /// <summary>Returns an ID that is new for every activation.</summary>
    [Alias("GetActivationId")]
    Task<Guid> GetActivationIdAsync();

    /// <summary>Asks the runtime to deactivate this grain once the call returns.</summary>
    [Alias("Deactivate")]
    Task DeactivateAsync();
}
