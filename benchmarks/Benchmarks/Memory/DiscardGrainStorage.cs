using Orleans.Runtime;
using Orleans.Storage;

namespace Actors.Benchmarks.Memory;

/// <summary>
/// Grain storage that keeps nothing: a write only counts. Stands for a remote store (DynamoDB), which keeps no copy
/// of the state in the silo, where the in-memory store keeps a serialized copy of every grain's state.
/// </summary>
public sealed class DiscardGrainStorage : IGrainStorage
{
    private long _writes;

    /// <summary>State writes received.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        Interlocked.Increment(ref _writes);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
