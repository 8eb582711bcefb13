using Actors.Grains.Interfaces;
using Actors.Grains.Kinesis;
using Xunit;

namespace Actors.Aws.Tests.Ingest;

/// <summary>The lease rules alone, with time passed in: fair share, parents before children, release before reassign, expiry.</summary>
public sealed class LeaseTableTests
{
    private static readonly DateTime T0 = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    private readonly LeaseTable _table = new(new StreamLeaseState());

    private static DiscoveredShard[] Shards(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new DiscoveredShard { ShardId = $"s{i}" })];

    private static LeaseHeartbeat Beat(string worker, DiscoveredShard[]? shards = null, params string[] held) =>
        new() { WorkerId = worker, LeaseDuration = Lease, Shards = shards ?? [], Held = held };

    private static string[] Ids(LeaseAssignment assignment) => [.. assignment.Shards.Select(s => s.ShardId)];

    private static DateTime At(double seconds) => T0.AddSeconds(seconds);

    /// <summary>Every worker heartbeats once, in order, holding exactly what it was assigned before; returns what each owns afterwards.</summary>
    private Dictionary<string, string[]> Round(Dictionary<string, string[]> holding, DateTime now, DiscoveredShard[]? shards = null)
    {
        foreach (var worker in holding.Keys.ToList())
        {
            holding[worker] = Ids(_table.Heartbeat(Beat(worker, shards, holding[worker]), now));
            AssertNoShardHasTwoOwners(holding);
        }
        return holding;
    }

    private static void AssertNoShardHasTwoOwners(Dictionary<string, string[]> holding)
    {
        var all = holding.Values.SelectMany(ids => ids).ToList();
        Assert.True(all.Count == all.Distinct().Count(), $"a shard is assigned twice: {string.Join("; ", holding.Select(h => $"{h.Key}=[{string.Join(",", h.Value)}]"))}");
    }

    [Fact]
    public void A_lone_worker_gets_every_shard_with_its_checkpoint()
    {
        _table.Heartbeat(Beat("a", Shards(3)), At(0));
        Assert.True(_table.Checkpoint("a", "s1", "42", shardEnded: false, At(0.1)));

        var assignment = _table.Heartbeat(Beat("a", Shards(3), "s0", "s1", "s2"), At(1));

        Assert.Equal(["s0", "s1", "s2"], Ids(assignment));
        Assert.Equal("42", assignment.Shards.Single(s => s.ShardId == "s1").Checkpoint);
        Assert.Null(assignment.Shards.Single(s => s.ShardId == "s0").Checkpoint);
        Assert.Equal(1, assignment.Workers);
        Assert.Equal(3, assignment.EligibleShards);
    }

    [Fact]
    public void A_second_worker_gets_half_only_after_the_first_released_it()
    {
        var a = Ids(_table.Heartbeat(Beat("a", Shards(4)), At(0)));
        Assert.Equal(4, a.Length);

        var b = Ids(_table.Heartbeat(Beat("b", Shards(4)), At(0.5)));
        Assert.Empty(b);
        var releasing = _table.Snapshot().Shards.Where(s => s.Releasing).ToList();
        Assert.Equal(2, releasing.Count);
        Assert.All(releasing, s => Assert.Equal("a", s.Owner));

        var aAfter = Ids(_table.Heartbeat(Beat("a", Shards(4), a), At(1)));
        Assert.Equal(2, aAfter.Length);
        Assert.Empty(Ids(_table.Heartbeat(Beat("b", Shards(4)), At(1.1))));

        Ids(_table.Heartbeat(Beat("a", Shards(4), aAfter), At(1.2)));
        var bAfter = Ids(_table.Heartbeat(Beat("b", Shards(4)), At(1.3)));

        Assert.Equal(2, bAfter.Length);
        Assert.Empty(aAfter.Intersect(bAfter));
        Assert.All(_table.Snapshot().Shards, s => Assert.False(s.Releasing));
    }

    [Theory]
    [InlineData(4, 2, new[] { 2, 2 })]
    [InlineData(5, 2, new[] { 3, 2 })]
    [InlineData(4, 3, new[] { 2, 1, 1 })]
    [InlineData(5, 3, new[] { 2, 2, 1 })]
    [InlineData(2, 3, new[] { 1, 1, 0 })]
    [InlineData(7, 4, new[] { 2, 2, 2, 1 })]
    public void Workers_converge_to_a_fair_share_and_stay_there(int shards, int workers, int[] expected)
    {
        var holding = Enumerable.Range(0, workers).ToDictionary(w => $"w{w}", _ => Array.Empty<string>());
        for (var round = 0; round < 6; round++)
        {
            Round(holding, At(round * 0.5), Shards(shards));
        }
        var settled = holding.ToDictionary(h => h.Key, h => h.Value);

        for (var round = 6; round < 16; round++)
        {
            Round(holding, At(round * 0.5), Shards(shards));
            Assert.Equal(settled, holding);
        }
        Assert.Equal(expected, holding.Values.Select(ids => ids.Length).OrderDescending());
        Assert.Equal(shards, holding.Values.Sum(ids => ids.Length));
    }

    [Fact]
    public void A_released_shard_stays_with_its_owner_as_long_as_the_owner_still_holds_it()
    {
        var a = Ids(_table.Heartbeat(Beat("a", Shards(2)), At(0)));
        _table.Heartbeat(Beat("b", Shards(2)), At(0.1));
        for (var i = 1; i <= 5; i++)
        {
            _table.Heartbeat(Beat("a", Shards(2), a), At(i * 0.5));
            Assert.Empty(Ids(_table.Heartbeat(Beat("b", Shards(2)), At((i * 0.5) + 0.1))));
        }
        var released = _table.Snapshot().Shards.Single(s => s.Releasing);
        Assert.Equal("a", released.Owner);

        _table.Heartbeat(Beat("a", Shards(2), a.Where(id => id != released.ShardId).ToArray()), At(3));

        Assert.Equal([released.ShardId], Ids(_table.Heartbeat(Beat("b", Shards(2)), At(3.1))));
    }

    [Fact]
    public void A_worker_busy_checkpointing_keeps_its_shards_while_its_heartbeat_is_late_and_an_expired_one_is_not_renewed()
    {
        _table.Heartbeat(Beat("a", Shards(2)), At(0));
        Assert.Empty(Ids(_table.Heartbeat(Beat("b", Shards(2)), At(0.1))));
        Assert.True(_table.Checkpoint("a", "s0", "7", shardEnded: false, At(2.5)));
        Assert.True(_table.Checkpoint("a", "s1", "9", shardEnded: false, At(5)));

        Assert.Empty(Ids(_table.Heartbeat(Beat("b", Shards(2)), At(7.9))));
        Assert.False(_table.Checkpoint("a", "s0", "8", shardEnded: false, At(8.01)));
        Assert.Equal(["s0", "s1"], Ids(_table.Heartbeat(Beat("b", Shards(2)), At(8.02))));
    }

    [Fact]
    public void A_silent_worker_keeps_its_shards_until_its_lease_expires_then_they_move()
    {
        _table.Heartbeat(Beat("a", Shards(2)), At(0));
        Assert.True(_table.Checkpoint("a", "s0", "7", shardEnded: false, At(0.5)));
        Assert.Empty(Ids(_table.Heartbeat(Beat("b", Shards(2)), At(1))));
        Assert.Empty(Ids(_table.Heartbeat(Beat("b", Shards(2)), At(3.4))));

        var b = _table.Heartbeat(Beat("b", Shards(2)), At(3.51));

        Assert.Equal(["s0", "s1"], Ids(b));
        Assert.Equal("7", b.Shards[0].Checkpoint);
        Assert.Equal(1, b.Workers);
        Assert.DoesNotContain(_table.Snapshot().Workers, w => w.WorkerId == "a");
    }

    [Fact]
    public void An_expired_worker_cannot_checkpoint_and_the_checkpoint_does_not_move()
    {
        _table.Heartbeat(Beat("a", Shards(1)), At(0));
        Assert.True(_table.Checkpoint("a", "s0", "10", shardEnded: false, At(1)));

        Assert.False(_table.Checkpoint("a", "s0", "20", shardEnded: false, At(4.5)));

        Assert.Equal("10", _table.Snapshot().Shards.Single().Checkpoint);
        Assert.Null(_table.Snapshot().Shards.Single().Owner);
    }

    [Fact]
    public void Checkpoints_only_move_forward_and_only_for_the_owner()
    {
        _table.Heartbeat(Beat("a", Shards(2)), At(0));
        _table.Heartbeat(Beat("b", Shards(2)), At(0));
        var ownerOfS0 = _table.Snapshot().Shards.Single(s => s.ShardId == "s0").Owner!;
        var other = ownerOfS0 == "a" ? "b" : "a";

        Assert.True(_table.Checkpoint(ownerOfS0, "s0", "900", shardEnded: false, At(1)));
        Assert.True(_table.Checkpoint(ownerOfS0, "s0", "1000", shardEnded: false, At(1)));
        Assert.True(_table.Checkpoint(ownerOfS0, "s0", "999", shardEnded: false, At(1)));
        Assert.False(_table.Checkpoint(other, "s0", "2000", shardEnded: false, At(1)));
        Assert.False(_table.Checkpoint(ownerOfS0, "unknown", "1", shardEnded: false, At(1)));

        Assert.Equal("1000", _table.Snapshot().Shards.Single(s => s.ShardId == "s0").Checkpoint);
    }

    [Fact]
    public void A_child_is_leased_only_after_its_parent_is_finished_and_then_starts_after_it()
    {
        DiscoveredShard[] shards =
        [
            new() { ShardId = "p", IsClosed = true },
            new() { ShardId = "c1", ParentShardIds = ["p"] },
            new() { ShardId = "c2", ParentShardIds = ["p"] },
        ];
        Assert.Equal(["p"], Ids(_table.Heartbeat(Beat("a", shards), At(0))));
        Assert.Empty(Ids(_table.Heartbeat(Beat("b", shards), At(0.1))));
        Assert.True(_table.Checkpoint("a", "p", "5", shardEnded: false, At(0.2)));
        Assert.Equal(["p"], Ids(_table.Heartbeat(Beat("a", shards, "p"), At(0.3))));

        Assert.True(_table.Checkpoint("a", "p", "9", shardEnded: true, At(0.4)));
        var a = _table.Heartbeat(Beat("a", shards), At(0.5));
        var b = _table.Heartbeat(Beat("b", shards), At(0.6));

        Assert.Single(a.Shards);
        Assert.Single(b.Shards);
        Assert.Equal(["c1", "c2"], a.Shards.Concat(b.Shards).Select(s => s.ShardId).Order());
        Assert.All(a.Shards.Concat(b.Shards), s => Assert.True(s.AfterParents && s.Checkpoint is null));
        var parent = _table.Snapshot().Shards.Single(s => s.ShardId == "p");
        Assert.True(parent.Finished && parent.Owner is null && !parent.Eligible);
        Assert.False(_table.Checkpoint("a", "p", "10", shardEnded: false, At(0.7)));
    }

    [Fact]
    public void A_merged_child_waits_for_both_parents()
    {
        DiscoveredShard[] shards =
        [
            new() { ShardId = "p1", IsClosed = true },
            new() { ShardId = "p2", IsClosed = true },
            new() { ShardId = "c", ParentShardIds = ["p1", "p2"] },
        ];
        _table.Heartbeat(Beat("a", shards), At(0));
        Assert.True(_table.Checkpoint("a", "p1", "3", shardEnded: true, At(0.1)));

        Assert.Equal(["p2"], Ids(_table.Heartbeat(Beat("a", shards, "p2"), At(0.2))));

        Assert.True(_table.Checkpoint("a", "p2", "4", shardEnded: true, At(0.3)));
        Assert.Equal(["c"], Ids(_table.Heartbeat(Beat("a", shards), At(0.4))));
    }

    [Fact]
    public void A_child_whose_parent_is_no_longer_listed_is_eligible_from_the_configured_position()
    {
        DiscoveredShard[] shards = [new() { ShardId = "c", ParentShardIds = ["trimmed"] }];

        var assignment = _table.Heartbeat(Beat("a", shards), At(0));

        Assert.Equal(["c"], Ids(assignment));
        Assert.False(assignment.Shards[0].AfterParents);
    }

    [Fact]
    public void Leaving_frees_the_shards_at_once()
    {
        _table.Heartbeat(Beat("a", Shards(2)), At(0));
        _table.Heartbeat(Beat("b", Shards(2)), At(0.1));

        _table.Leave("a");

        Assert.Equal(["s0", "s1"], Ids(_table.Heartbeat(Beat("b", Shards(2)), At(0.2))));
    }

    [Fact]
    public void A_worker_holding_a_free_shard_adopts_it_and_a_reactivated_table_renews_every_lease()
    {
        var state = new StreamLeaseState();
        var first = new LeaseTable(state);
        first.Heartbeat(Beat("a", Shards(2)), At(0));

        var reactivated = new LeaseTable(state);
        reactivated.RenewAll(At(10));
        Assert.Empty(reactivated.Expire(At(12)));
        Assert.Equal(["s0", "s1"], Ids(reactivated.Heartbeat(Beat("a", Shards(2), "s0", "s1"), At(12))));

        var lost = new LeaseTable(new StreamLeaseState());
        Assert.Contains("s1", Ids(lost.Heartbeat(Beat("b", Shards(2), "s1"), At(0))));
        Assert.DoesNotContain("s1", Ids(lost.Heartbeat(Beat("c", Shards(2), "s1"), At(0.1))));
    }

    [Fact]
    public void Changes_that_must_survive_a_reactivation_are_flagged_and_plain_heartbeats_are_not()
    {
        _table.Heartbeat(Beat("a", Shards(1)), At(0));
        Assert.True(_table.Changed);
        _table.AcceptChanges();

        _table.Heartbeat(Beat("a", Shards(1), "s0"), At(1));
        Assert.False(_table.Changed);

        _table.Checkpoint("a", "s0", "1", shardEnded: false, At(1.5));
        Assert.True(_table.Changed);
    }

    [Fact]
    public void A_checkpoint_changes_its_own_shard_only_and_a_joining_worker_changes_the_head()
    {
        _table.Heartbeat(Beat("a", Shards(3)), At(0));
        Assert.True(_table.HeadChanged);
        Assert.Equal(["s0", "s1", "s2"], _table.ChangedShards.Select(s => s.ShardId).Order());
        _table.AcceptChanges();

        Assert.True(_table.Checkpoint("a", "s1", "7", shardEnded: false, At(1)));
        Assert.False(_table.HeadChanged);
        Assert.Equal("s1", Assert.Single(_table.ChangedShards).ShardId);
        _table.AcceptChanges();

        _table.Heartbeat(Beat("b", Shards(3)), At(2));
        Assert.True(_table.HeadChanged);
        Assert.Equal("s2", Assert.Single(_table.ChangedShards).ShardId);
    }

    [Theory]
    [InlineData("9", "10", -1)]
    [InlineData("49590338271490256608559692538361571095921575989136588898", "49590338271490256608559692538361571095921575989136588899", -1)]
    [InlineData("100", "100", 0)]
    [InlineData("1000", "999", 1)]
    public void Sequence_numbers_compare_as_integers(string left, string right, int sign) =>
        Assert.Equal(sign, Math.Sign(SequenceNumbers.Compare(left, right)));
}
