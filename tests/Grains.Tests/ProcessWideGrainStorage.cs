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
}
