using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Runtime;
using Orleans.Storage;

namespace Actors.Benchmarks.Memory;

/// <summary>
/// Grain storage that keeps nothing. Stands for a remote store (DynamoDB), which keeps no copy of the state in the
/// silo, where the in-memory store keeps a serialized copy of every grain's state. With a serializer, every write is
/// serialized first (as a remote store must) and its size counted per state name.
/// </summary>
public sealed class DiscardGrainStorage(IGrainStorageSerializer? serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<string, WriteCounter> _writes = new(StringComparer.Ordinal);

    /// <summary>State writes received, over all state names.</summary>
    public long Writes => _writes.Values.Sum(counter => counter.Writes);

    /// <summary>The writes of every state name written so far.</summary>
    public IReadOnlyDictionary<string, WriteCounter> ByStateName => _writes;

    /// <summary>The writes of one state name so far.</summary>
    public WriteCounter Of(string stateName) => _writes.GetOrAdd(stateName, _ => new WriteCounter());

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var bytes = serializer is null ? 0 : serializer.Serialize(grainState.State).ToMemory().Length;
        _writes.GetOrAdd(stateName, _ => new WriteCounter()).Add(bytes);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Writes and serialized bytes per state name, e.g. <c>device: 330 writes, 2,104 B each</c>.</summary>
    public string Describe() => string.Join("; ", _writes
        .OrderBy(entry => entry.Key, StringComparer.Ordinal)
        .Select(entry => string.Create(CultureInfo.InvariantCulture,
            $"{entry.Key}: {entry.Value.Writes} writes{(serializer is null ? string.Empty : $", {entry.Value.Bytes / (double)Math.Max(1, entry.Value.Writes):#,0} B each")}")));
}
