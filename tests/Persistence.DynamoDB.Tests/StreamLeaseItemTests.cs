using System.Text.Json;
using Actors.Grains;
using Actors.Grains.Interfaces;
using Actors.Grains.Kinesis;
using Actors.TestSupport;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;
using Xunit;

namespace Actors.Persistence.DynamoDB.Tests;

/// <summary>
/// The stream lease grain's items in DynamoDB (moto), as the silos' write meters count them: a shard checkpoint writes
/// that shard's small item only and a plain heartbeat writes nothing, whatever the number of shards; the leases read back
/// after a reactivation and after a save cut short; a stream stored whole in one item by earlier versions loads and
/// moves to an item per shard.
/// </summary>
[Collection(DynamoDBCollection.Name)]
[Trait("Service", "moto")]
public sealed class StreamLeaseItemTests(DynamoDBClusterFixture fixture)
{
    private const string ShardItems = "shard-lease";
    private const string Sequence = "49590338271490256608559692538361571095921575989136588898";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private IGrainFactory Grains => fixture.Cluster.Client;

    private IGrainStorage State => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.State);

    [Fact]
    public async Task A_checkpoint_writes_only_its_shards_item_whose_size_does_not_grow_with_the_shards_of_the_stream()
    {
        var few = await CheckpointWritesAsync(shards: 4);
        var many = await CheckpointWritesAsync(shards: 400);

        Assert.Equal(ShardItems, Assert.Single(few).Key);
        Assert.Equal(ShardItems, Assert.Single(many).Key);
        Assert.Equal((1, 1), (many[ShardItems].Requests, many[ShardItems].WriteUnits));
        Assert.Equal(few[ShardItems].ItemBytes, many[ShardItems].ItemBytes);
    }

    [Fact]
    public async Task Owners_checkpoints_ends_parents_and_workers_read_back_after_a_reactivation()
    {
        var leases = Grains.GetGrain<IStreamLeaseGrain>(NewStream());
        DiscoveredShard[] shards =
        [
            new() { ShardId = "p", IsClosed = true },
            new() { ShardId = "c1", ParentShardIds = ["p"] },
            new() { ShardId = "c2", ParentShardIds = ["p"] },
            new() { ShardId = "x" },
        ];
        Assert.Equal(["p", "x"], Ids(await leases.Heartbeat(Beat("a", shards))));
        Assert.Empty(Ids(await leases.Heartbeat(Beat("b", shards))));
        Assert.True(await leases.Checkpoint("a", "p", "100", shardEnded: true));
        Assert.Equal(["c1"], Ids(await leases.Heartbeat(Beat("a", shards))));
        Assert.Equal(["c2", "x"], Ids(await leases.Heartbeat(Beat("b", shards))));
        Assert.True(await leases.Checkpoint("b", "x", "7", shardEnded: false));
        var before = await leases.GetSnapshot();

        await DeactivateAsync(leases);
        var after = await leases.GetSnapshot();

        Assert.Equal(Json(before.Shards), Json(after.Shards));
        Assert.Equal(Workers(before), Workers(after));
        Assert.Contains(after.Shards, s => s is { ShardId: "p", Finished: true, Checkpoint: "100" });
        Assert.Contains(after.Shards, s => s is { ShardId: "c2", Owner: "b", Eligible: true } && s.ParentShardIds.SequenceEqual(["p"]));
        Assert.True(await leases.Checkpoint("b", "x", "8", shardEnded: false));
        Assert.False(await leases.Checkpoint("a", "x", "9", shardEnded: false));
    }

    [Fact]
    public async Task A_stream_stored_whole_in_one_item_loads_and_moves_to_an_item_per_shard()
    {
        var stream = NewStream();
        var leases = Grains.GetGrain<IStreamLeaseGrain>(stream);
        await State.WriteStateAsync("leases", leases.GetGrainId(), new GrainState<StreamLeaseState>(new StreamLeaseState
        {
            Shards = new(StringComparer.Ordinal)
            {
                ["p"] = new ShardLease { ShardId = "p", IsClosed = true, Finished = true, Checkpoint = "300" },
                ["c"] = new ShardLease { ShardId = "c", ParentShardIds = ["p"], Owner = "w", Checkpoint = "400" },
                ["x"] = new ShardLease { ShardId = "x", Owner = "w", Releasing = true, Checkpoint = "500" },
                ["y"] = new ShardLease { ShardId = "y" },
            },
            Workers = new(StringComparer.Ordinal) { ["w"] = new WorkerLease { WorkerId = "w", LeaseDuration = Lease } },
        }));

        var snapshot = await leases.GetSnapshot();

        ShardLeaseView[] expected =
        [
            new() { ShardId = "c", ParentShardIds = ["p"], Owner = "w", Checkpoint = "400", Eligible = true },
            new() { ShardId = "p", IsClosed = true, Finished = true, Checkpoint = "300" },
            new() { ShardId = "x", Owner = "w", Releasing = true, Checkpoint = "500", Eligible = true },
            new() { ShardId = "y", Eligible = true },
        ];
        Assert.Equal(Json(expected), Json(snapshot.Shards));
        Assert.Equal([$"w {Lease} 2"], Workers(snapshot));
        Assert.False(await ItemExistsAsync("leases", leases.GetGrainId()));
        Assert.True(await ItemExistsAsync("lease-head", leases.GetGrainId()));
        foreach (var shard in expected)
        {
            Assert.True(await ItemExistsAsync(ShardItems, GrainId.Create(ShardItems, $"{stream}/{shard.ShardId}")), shard.ShardId);
        }

        var before = Writes();
        Assert.True(await leases.Checkpoint("w", "c", "401", shardEnded: false));
        Assert.Equal(ShardItems, Assert.Single(Delta(before)).Key);
    }

    [Fact]
    public async Task Of_two_activations_only_the_first_to_write_a_shard_lease_changes_it()
    {
        var grainId = GrainId.Create("streamlease", NewStream());
        var (store, state, table) = await LoadAsync(grainId);
        table.Heartbeat(Beat("w", Shards(2)), DateTime.UtcNow);
        await SaveAsync(store, state, table);
        var (first, firstState, firstTable) = await LoadAsync(grainId);
        var (second, secondState, secondTable) = await LoadAsync(grainId);

        Assert.True(firstTable.Checkpoint("w", "s0", "5", shardEnded: false, DateTime.UtcNow));
        await SaveAsync(first, firstState, firstTable);
        Assert.True(secondTable.Checkpoint("w", "s0", "6", shardEnded: false, DateTime.UtcNow));

        await Assert.ThrowsAsync<InconsistentStateException>(() => SaveAsync(second, secondState, secondTable));
        Assert.Equal("5", (await LoadAsync(grainId)).State.Shards["s0"].Checkpoint);
    }

    [Fact]
    public async Task A_save_cut_short_after_the_head_reads_back_with_the_removed_workers_shards_free_and_new_shards_with_their_parents()
    {
        var grainId = GrainId.Create("streamlease", NewStream());
        var (store, state, table) = await LoadAsync(grainId);
        table.Heartbeat(Beat("a", Shards(2)), DateTime.UtcNow);
        table.Heartbeat(Beat("b", Shards(2)), DateTime.UtcNow);
        await SaveAsync(store, state, table);
        Assert.All(state.Shards.Values, shard => Assert.Equal("a", shard.Owner));

        table.Leave("a");
        table.Heartbeat(Beat("b", [.. Shards(2), new DiscoveredShard { ShardId = "s2", ParentShardIds = ["s1"] }]), DateTime.UtcNow);
        await store.SaveAsync(state, table.HeadChanged, changedShards: []);

        var reloaded = (await LoadAsync(grainId)).State;
        Assert.Equal(["b"], reloaded.Workers.Keys);
        Assert.All(reloaded.Shards.Values, shard => Assert.Null(shard.Owner));
        Assert.Equal(["s1"], reloaded.Shards["s2"].ParentShardIds);
    }

    /// <summary>What a checkpoint of one shard writes, by grain type, once a worker leases every shard of a stream; a plain heartbeat before it writes nothing.</summary>
    private async Task<Dictionary<string, DynamoDBWrites>> CheckpointWritesAsync(int shards)
    {
        var leases = Grains.GetGrain<IStreamLeaseGrain>(NewStream());
        var all = Shards(shards);
        Assert.Equal(shards, (await leases.Heartbeat(Beat("w", all))).Shards.Length);
        var before = Writes();

        await leases.Heartbeat(Beat("w", all, [.. all.Select(s => s.ShardId)]));
        Assert.Empty(Delta(before));
        Assert.True(await leases.Checkpoint("w", all[1].ShardId, Sequence, shardEnded: false));
        return Delta(before);
    }

    private async Task<(StreamLeaseStore Store, StreamLeaseState State, LeaseTable Table)> LoadAsync(GrainId grainId)
    {
        var store = new StreamLeaseStore(await fixture.SiloStorageAsync(), grainId);
        var state = await store.LoadAsync();
        return (store, state, new LeaseTable(state));
    }

    private static async Task SaveAsync(StreamLeaseStore store, StreamLeaseState state, LeaseTable table)
    {
        await store.SaveAsync(state, table.HeadChanged, table.ChangedShards);
        table.AcceptChanges();
    }

    private async Task DeactivateAsync(IStreamLeaseGrain leases)
    {
        await leases.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Eventually.Until(async () =>
            !(await Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics()).Any(s => s.GrainId == leases.GetGrainId()),
            TimeSpan.FromSeconds(30), "the lease grain to deactivate");
    }

    private async Task<bool> ItemExistsAsync(string stateName, GrainId grainId)
    {
        using var client = fixture.CreateClient();
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = DynamoDBClusterFixture.TableName,
            Key = new() { [DynamoDBGrainStorage.PartitionKeyAttribute] = new AttributeValue { S = fixture.PartitionKey(stateName, grainId) } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 };
    }

    /// <summary>What both silos' providers have written so far, by grain type.</summary>
    private Dictionary<string, DynamoDBWrites> Writes() => fixture.Cluster.Silos
        .SelectMany(silo => silo.ServiceProvider.GetRequiredService<DynamoDBWriteMeter>().ByGrainType)
        .GroupBy(writes => writes.Key)
        .ToDictionary(group => group.Key, group => group.Aggregate(DynamoDBWrites.None, (total, writes) => total + writes.Value));

    /// <summary>What was written since <paramref name="before"/>, by grain type.</summary>
    private Dictionary<string, DynamoDBWrites> Delta(Dictionary<string, DynamoDBWrites> before) => Writes()
        .Select(now => (now.Key, Since: Minus(now.Value, before.GetValueOrDefault(now.Key, DynamoDBWrites.None))))
        .Where(writes => writes.Since.Requests > 0)
        .ToDictionary(writes => writes.Key, writes => writes.Since);

    private static DynamoDBWrites Minus(DynamoDBWrites now, DynamoDBWrites then) =>
        new(now.Requests - then.Requests, now.ItemBytes - then.ItemBytes, now.WriteUnits - then.WriteUnits);

    /// <summary>A stream name of fixed length, so that items of different streams differ in size only by what they hold.</summary>
    private static string NewStream() => $"lease-{Guid.NewGuid():N}";

    private static DiscoveredShard[] Shards(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new DiscoveredShard { ShardId = $"s{i}" })];

    private static LeaseHeartbeat Beat(string worker, DiscoveredShard[] shards, params string[] held) =>
        new() { WorkerId = worker, LeaseDuration = Lease, Shards = shards, Held = held };

    private static string[] Ids(LeaseAssignment assignment) => [.. assignment.Shards.Select(s => s.ShardId)];

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static string[] Workers(StreamLeaseSnapshot snapshot) => [.. snapshot.Workers.Select(w => $"{w.WorkerId} {w.LeaseDuration} {w.OwnedShards}")];
}
