using Orleans.Storage;

namespace Actors.Grains.Kinesis;

/// <summary>
/// Keeps one stream's leases in the cluster's grain storage as a small <see cref="StreamLeaseHead"/> and one record per
/// <see cref="ShardLease"/> (one DynamoDB item each), so that a shard checkpoint writes that shard's item only, whose
/// size does not depend on how many shards the stream has.
/// </summary>
/// <remarks>
/// <para>
/// Every item is written with the ETag it was read or last written with, so of two activations of the lease grain only
/// one can change a given shard lease or the head; the other's write fails and it deactivates.
/// </para>
/// <para>
/// The head is written before the shard items of the same change, so a shard item exists only for a shard the head
/// lists, and a shard whose owner the head no longer lists (the worker's removal was written, the release of its
/// shards was not) is read back as free. A shard the head lists without an item of its own (discovered, its item not
/// written yet) is read back as a new shard with the parents the head gives.
/// </para>
/// <para>
/// A stream stored whole in one item (the earlier layout, a <see cref="StreamLeaseState"/>) loads as well: its shard
/// leases are written as items of their own, then the head, and only then is the old item deleted.
/// </para>
/// </remarks>
public sealed class StreamLeaseStore(IGrainStorage storage, GrainId grainId)
{
    private const string HeadStateName = "lease-head";
    private const string ShardStateName = "shard-lease";

    /// <summary>The state name under which the lease grain stored the whole <see cref="StreamLeaseState"/> as one item.</summary>
    private const string SingleItemStateName = "leases";

    /// <summary>Shard items read or written at once: a stream can have thousands of shards.</summary>
    private const int RequestsInFlight = 32;

    private readonly GrainState<StreamLeaseHead> _head = new(new StreamLeaseHead());
    private readonly Dictionary<string, GrainState<ShardLease>> _shards = new(StringComparer.Ordinal);

    /// <summary>Reads the stream's leases, moving a stream stored in the single-item layout to this one on the way.</summary>
    public async Task<StreamLeaseState> LoadAsync()
    {
        var singleItem = new GrainState<StreamLeaseState>();
        await Task.WhenAll(
            storage.ReadStateAsync(HeadStateName, grainId, _head),
            storage.ReadStateAsync(SingleItemStateName, grainId, singleItem));
        var head = _head.State ?? new StreamLeaseHead();
        var oldLayout = singleItem.RecordExists && !_head.RecordExists ? singleItem.State : null;
        var parents = oldLayout?.Shards.ToDictionary(s => s.Key, s => s.Value.ParentShardIds, StringComparer.Ordinal) ?? head.Shards;
        var state = new StreamLeaseState { Workers = oldLayout?.Workers ?? head.Workers };
        foreach (var chunk in parents.Keys.Chunk(RequestsInFlight))
        {
            foreach (var item in await Task.WhenAll(chunk.Select(ReadShardAsync)))
            {
                var shardId = item.Key;
                var lease = item.Value is { RecordExists: true, State: { } stored } ? stored : oldLayout?.Shards[shardId] ?? new ShardLease { ShardId = shardId };
                lease.ParentShardIds = parents[shardId];
                if (lease.Owner is not null && !state.Workers.ContainsKey(lease.Owner))
                {
                    lease.Owner = null;
                    lease.Releasing = false;
                }
                state.Shards.Add(shardId, lease);
                _shards.Add(shardId, item.Value);
            }
        }

        if (oldLayout is not null)
        {
            await WriteShardsAsync(state.Shards.Values.Where(lease => !_shards[lease.ShardId].RecordExists));
            await WriteHeadAsync(state);
        }
        if (singleItem.RecordExists)
        {
            await storage.ClearStateAsync(SingleItemStateName, grainId, singleItem);
        }
        return state;
    }

    /// <summary>Writes the head when <paramref name="headChanged"/>, then the item of each of <paramref name="changedShards"/>.</summary>
    public async Task SaveAsync(StreamLeaseState state, bool headChanged, IEnumerable<ShardLease> changedShards)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(changedShards);
        if (headChanged)
        {
            await WriteHeadAsync(state);
        }
        await WriteShardsAsync(changedShards);
    }

    private async Task WriteHeadAsync(StreamLeaseState state)
    {
        _head.State = new StreamLeaseHead
        {
            Workers = state.Workers,
            Shards = state.Shards.Values.ToDictionary(s => s.ShardId, s => s.ParentShardIds, StringComparer.Ordinal),
        };
        await storage.WriteStateAsync(HeadStateName, grainId, _head);
    }

    private async Task WriteShardsAsync(IEnumerable<ShardLease> leases)
    {
        foreach (var chunk in leases.Select(lease => (lease.ShardId, Item: ItemOf(lease))).ToList().Chunk(RequestsInFlight))
        {
            await Task.WhenAll(chunk.Select(shard => storage.WriteStateAsync(ShardStateName, ShardItemId(shard.ShardId), shard.Item)));
        }
    }

    private async Task<KeyValuePair<string, GrainState<ShardLease>>> ReadShardAsync(string shardId)
    {
        var item = new GrainState<ShardLease>();
        await storage.ReadStateAsync(ShardStateName, ShardItemId(shardId), item);
        return new(shardId, item);
    }

    private GrainState<ShardLease> ItemOf(ShardLease lease)
    {
        if (!_shards.TryGetValue(lease.ShardId, out var item))
        {
            item = new GrainState<ShardLease>();
            _shards.Add(lease.ShardId, item);
        }
        item.State = lease;
        return item;
    }

    private GrainId ShardItemId(string shardId) => GrainId.Create(ShardStateName, $"{grainId.Key}/{shardId}");
}
