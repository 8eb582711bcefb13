using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Actors.Grains.Tests;

/// <summary>
/// Grain storage that outlives the silos of a test cluster (they all run in this process), as DynamoDB outlives ECS tasks:
/// Orleans' memory storage keeps state in grains of the silos themselves, so killing a silo may lose what was written.
/// Items are kept per cluster, so one test cluster's state (e.g. the rules it set) never reaches another's.
/// </summary>
public sealed class ProcessWideGrainStorage(Serializer serializer, IOptions<ClusterOptions> cluster) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, (byte[] State, string ETag)> Items = new();
    private static readonly ConcurrentDictionary<string, long> WriteCounts = new();
    private static readonly ConcurrentDictionary<string, bool> FailingStates = new();

    /// <summary>Writes of <paramref name="stateName"/> in a cluster so far.</summary>
    public static long Writes(string clusterId, string stateName) => WriteCounts.GetValueOrDefault($"{clusterId}/{stateName}");

    /// <summary>Every write of <paramref name="stateName"/> in a cluster fails (as a storage outage would) until the result is disposed.</summary>
    public static IDisposable FailWrites(string clusterId, string stateName)
    {
        var key = $"{clusterId}/{stateName}";
        FailingStates[key] = true;
        return new Restore(() => FailingStates.TryRemove(key, out _));
    }

    /// <summary>The stored bytes of a state, or null when there is none.</summary>
    public static byte[]? Stored(string clusterId, string stateName, GrainId grainId) =>
        Items.TryGetValue($"{clusterId}/{stateName}/{grainId}", out var item) ? item.State : null;

    /// <summary>Stores a state as an earlier version of a grain would have.</summary>
    public static void Put(string clusterId, string stateName, GrainId grainId, byte[] state) =>
        Items[$"{clusterId}/{stateName}/{grainId}"] = (state, Guid.NewGuid().ToString("N"));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Items.TryGetValue(Key(stateName, grainId), out var item))
        {
            grainState.State = serializer.Deserialize<T>(item.State);
            grainState.ETag = item.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (FailingStates.ContainsKey($"{cluster.Value.ClusterId}/{stateName}"))
        {
            throw new IOException($"Writes of {stateName} fail in this test.");
        }
        WriteCounts.AddOrUpdate($"{cluster.Value.ClusterId}/{stateName}", 1, (_, count) => count + 1);
        var etag = Guid.NewGuid().ToString("N");
        Items[Key(stateName, grainId)] = (serializer.SerializeToArray(grainState.State), etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Items.TryRemove(Key(stateName, grainId), out _);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string Key(string stateName, GrainId grainId) => $"{cluster.Value.ClusterId}/{stateName}/{grainId}";

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
