using Actors.Grains.Interfaces;

namespace Actors.Grains.Kinesis;

/// <summary>
/// The lease rules of one stream, over its <see cref="StreamLeaseState"/>: pure (time is passed in), so the lease
/// grain only orchestrates and the rules are tested alone.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A worker not heard from for its lease duration has expired; its shards are free.</item>
/// <item>A shard is eligible when it is not finished and each of its known parents is finished, so a child shard is
/// never read before its parents have been read to their end.</item>
/// <item>Each live worker owns at most <c>ceil(eligible / workers)</c> shards. A worker above that is told to release
/// the excess (the shards leave its assignment, flagged <see cref="ShardLease.Releasing"/>); a shard becomes free only
/// when that worker's next heartbeat no longer holds it, or when its lease expires. Only free shards are given to
/// another worker, so no shard is ever owned by two workers.</item>
/// <item>A worker below <c>floor(eligible / workers)</c> that finds no free shard asks the busiest workers to release
/// one each; a worker does not take free shards beyond that floor while another worker is still below it, so shards
/// do not bounce back to the worker that released them.</item>
/// </list>
/// Every method that changes what must survive a reactivation records what it changed: the stream-wide part (the
/// workers and the known shards, <see cref="HeadChanged"/>) apart from each shard's lease (<see cref="ChangedShards"/>),
/// because they are stored as items of their own (<see cref="StreamLeaseStore"/>). Heartbeat times alone change nothing
/// (after a reactivation every known worker gets a full lease again, see <see cref="RenewAll"/>).
/// </remarks>
public sealed class LeaseTable(StreamLeaseState state)
{
    private readonly StreamLeaseState _state = state ?? throw new ArgumentNullException(nameof(state));

    private readonly HashSet<ShardLease> _changedShards = [];

    /// <summary>Whether the state changed in a way that must be persisted since <see cref="AcceptChanges"/>.</summary>
    public bool Changed => HeadChanged || _changedShards.Count > 0;

    /// <summary>Whether a worker joined or left, a lease duration changed, or a shard or a shard's parents became known since <see cref="AcceptChanges"/>.</summary>
    public bool HeadChanged { get; private set; }

    /// <summary>The shards whose lease (owner, release, checkpoint, end) changed since <see cref="AcceptChanges"/>.</summary>
    public IReadOnlyCollection<ShardLease> ChangedShards => _changedShards;

    /// <summary>Marks the current state as persisted.</summary>
    public void AcceptChanges()
    {
        HeadChanged = false;
        _changedShards.Clear();
    }

    /// <summary>
    /// Renews the worker's lease, merges its discovered shards, frees the shards it was asked to release and no longer
    /// holds, rebalances, and returns what the worker owns now.
    /// </summary>
    public LeaseAssignment Heartbeat(LeaseHeartbeat heartbeat, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        ArgumentException.ThrowIfNullOrEmpty(heartbeat.WorkerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(heartbeat.LeaseDuration, TimeSpan.Zero);
        Expire(now);
        Register(heartbeat.WorkerId, heartbeat.LeaseDuration, now);
        Merge(heartbeat.Shards);
        Settle(heartbeat.WorkerId, heartbeat.Held.ToHashSet(StringComparer.Ordinal));
        Balance(heartbeat.WorkerId);
        return AssignmentOf(heartbeat.WorkerId);
    }

    /// <summary>
    /// Moves the shard's checkpoint forward (never back) and, when <paramref name="shardEnded"/>, finishes the shard.
    /// Returns false, changing nothing, when <paramref name="workerId"/> does not own the shard. A checkpoint of a worker
    /// whose lease has not expired renews it, as a heartbeat would: a worker checkpointing hundreds of shards at once
    /// sends calls that queue ahead of its next heartbeat, and must not lose its shards for being busy with them.
    /// </summary>
    public bool Checkpoint(string workerId, string shardId, string? sequenceNumber, bool shardEnded, DateTime now)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        ArgumentException.ThrowIfNullOrEmpty(shardId);
        if (_state.Workers.TryGetValue(workerId, out var worker) && worker.ExpiresAt >= now)
        {
            worker.LastSeen = now;
        }
        Expire(now);
        if (!_state.Shards.TryGetValue(shardId, out var shard) || shard.Owner != workerId)
        {
            return false;
        }
        if (sequenceNumber is not null && (shard.Checkpoint is null || SequenceNumbers.Compare(sequenceNumber, shard.Checkpoint) > 0))
        {
            shard.Checkpoint = sequenceNumber;
            _changedShards.Add(shard);
        }
        if (shardEnded)
        {
            shard.Finished = true;
            shard.IsClosed = true;
            Free(shard);
        }
        return true;
    }

    /// <summary>Forgets the worker and frees its shards at once.</summary>
    public void Leave(string workerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        if (_state.Workers.Remove(workerId))
        {
            HeadChanged = true;
        }
        FreeShardsOf(workerId);
    }

    /// <summary>Forgets every worker whose lease has expired at <paramref name="now"/>, frees its shards, and returns their IDs.</summary>
    public IReadOnlyList<string> Expire(DateTime now)
    {
        var expired = _state.Workers.Values.Where(worker => worker.ExpiresAt < now).Select(worker => worker.WorkerId).ToList();
        foreach (var workerId in expired)
        {
            Leave(workerId);
        }
        return expired;
    }

    /// <summary>Gives every known worker a full lease from <paramref name="now"/>: after a reactivation nobody knows when they were last heard.</summary>
    public void RenewAll(DateTime now)
    {
        foreach (var worker in _state.Workers.Values)
        {
            worker.LastSeen = now;
        }
    }

    /// <summary>A copy of every shard and worker, sorted by ID.</summary>
    public StreamLeaseSnapshot Snapshot() => new()
    {
        Shards = [.. _state.Shards.Values.OrderBy(s => s.ShardId, StringComparer.Ordinal).Select(s => new ShardLeaseView
        {
            ShardId = s.ShardId,
            ParentShardIds = [.. s.ParentShardIds],
            IsClosed = s.IsClosed,
            Owner = s.Owner,
            Releasing = s.Releasing,
            Checkpoint = s.Checkpoint,
            Finished = s.Finished,
            Eligible = IsEligible(s),
        })],
        Workers = [.. _state.Workers.Values.OrderBy(w => w.WorkerId, StringComparer.Ordinal).Select(w => new WorkerLeaseView
        {
            WorkerId = w.WorkerId,
            LastSeen = w.LastSeen,
            LeaseDuration = w.LeaseDuration,
            OwnedShards = _state.Shards.Values.Count(s => s.Owner == w.WorkerId),
        })],
    };

    private void Register(string workerId, TimeSpan leaseDuration, DateTime now)
    {
        if (!_state.Workers.TryGetValue(workerId, out var worker))
        {
            worker = new WorkerLease { WorkerId = workerId, LeaseDuration = leaseDuration };
            _state.Workers.Add(workerId, worker);
            HeadChanged = true;
        }
        if (worker.LeaseDuration != leaseDuration)
        {
            worker.LeaseDuration = leaseDuration;
            HeadChanged = true;
        }
        worker.LastSeen = now;
    }

    private void Merge(DiscoveredShard[] discovered)
    {
        foreach (var found in discovered)
        {
            var parents = found.ParentShardIds.Where(p => !string.IsNullOrEmpty(p)).Distinct(StringComparer.Ordinal).ToArray();
            if (!_state.Shards.TryGetValue(found.ShardId, out var shard))
            {
                shard = new ShardLease { ShardId = found.ShardId, ParentShardIds = parents, IsClosed = found.IsClosed };
                _state.Shards.Add(found.ShardId, shard);
                HeadChanged = true;
                _changedShards.Add(shard);
                continue;
            }
            if (found.IsClosed && !shard.IsClosed)
            {
                shard.IsClosed = true;
                _changedShards.Add(shard);
            }
            if (shard.ParentShardIds.Length == 0 && parents.Length > 0)
            {
                shard.ParentShardIds = parents;
                HeadChanged = true;
                _changedShards.Add(shard);
            }
        }
    }

    private void Settle(string workerId, HashSet<string> held)
    {
        foreach (var shard in _state.Shards.Values)
        {
            if (shard.Owner == workerId && shard.Releasing && !held.Contains(shard.ShardId))
            {
                Free(shard);
            }
            else if (shard.Owner is null && held.Contains(shard.ShardId) && IsEligible(shard))
            {
                shard.Owner = workerId;
                _changedShards.Add(shard);
            }
        }
    }

    private void Balance(string callerId)
    {
        foreach (var shard in _state.Shards.Values.Where(s => s.Owner is not null && !s.Releasing && !IsEligible(s)))
        {
            shard.Releasing = true;
            _changedShards.Add(shard);
        }
        var eligible = _state.Shards.Values.Where(IsEligible).OrderBy(s => s.ShardId, StringComparer.Ordinal).ToList();
        var workers = _state.Workers.Keys.Order(StringComparer.Ordinal).ToList();
        var quota = (eligible.Count + workers.Count - 1) / workers.Count;
        var floor = eligible.Count / workers.Count;
        var counts = workers.ToDictionary(w => w, w => eligible.Count(s => s.Owner == w && !s.Releasing), StringComparer.Ordinal);

        foreach (var worker in workers)
        {
            foreach (var shard in OwnedBy(eligible, worker).TakeLast(counts[worker] - quota).ToList())
            {
                Release(shard, counts);
            }
        }

        var anotherStarves = workers.Any(w => w != callerId && counts[w] < floor);
        foreach (var shard in eligible.Where(s => s.Owner is null))
        {
            if (counts[callerId] >= (anotherStarves ? floor : quota))
            {
                break;
            }
            shard.Owner = callerId;
            counts[callerId]++;
            _changedShards.Add(shard);
        }

        var shortfall = floor - counts[callerId] - eligible.Count(s => s.Owner is null || s.Releasing);
        while (shortfall-- > 0)
        {
            var donor = workers.Where(w => w != callerId && counts[w] > floor).OrderByDescending(w => counts[w]).FirstOrDefault();
            if (donor is null)
            {
                break;
            }
            Release(OwnedBy(eligible, donor).Last(), counts);
        }
    }

    private static IEnumerable<ShardLease> OwnedBy(List<ShardLease> eligible, string workerId) =>
        eligible.Where(s => s.Owner == workerId && !s.Releasing);

    private void Release(ShardLease shard, Dictionary<string, int> counts)
    {
        shard.Releasing = true;
        counts[shard.Owner!]--;
        _changedShards.Add(shard);
    }

    private LeaseAssignment AssignmentOf(string workerId) => new()
    {
        Shards = [.. _state.Shards.Values
            .Where(s => s.Owner == workerId && !s.Releasing)
            .OrderBy(s => s.ShardId, StringComparer.Ordinal)
            .Select(s => new ShardAssignment { ShardId = s.ShardId, Checkpoint = s.Checkpoint, AfterParents = HasFinishedParent(s) })],
        Workers = _state.Workers.Count,
        EligibleShards = _state.Shards.Values.Count(IsEligible),
    };

    private bool IsEligible(ShardLease shard) =>
        !shard.Finished && shard.ParentShardIds.All(p => !_state.Shards.TryGetValue(p, out var parent) || parent.Finished);

    private bool HasFinishedParent(ShardLease shard) =>
        shard.ParentShardIds.Any(p => _state.Shards.TryGetValue(p, out var parent) && parent.Finished);

    private void FreeShardsOf(string workerId)
    {
        foreach (var shard in _state.Shards.Values.Where(s => s.Owner == workerId))
        {
            Free(shard);
        }
    }

    private void Free(ShardLease shard)
    {
        shard.Owner = null;
        shard.Releasing = false;
        _changedShards.Add(shard);
    }
}
