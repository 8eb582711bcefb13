using Actors.Grains.Interfaces;
using Microsoft.Extensions.Logging;

using Orleans.Runtime;

namespace Actors.Grains.Kinesis;

/// <summary>
/// Holds the shard leases and checkpoints of one Kinesis stream (key = stream name); the rules are in
/// <see cref="LeaseTable"/>, this grain only orders the calls, keeps time and persists.
/// </summary>
/// <remarks>
/// Why a grain and not a DynamoDB lease table (the Kinesis Client Library's design): Orleans guarantees a single
/// activation per grain and runs its calls one at a time, so all lease decisions of a stream are taken by one piece of
/// code over one in-memory copy of the state, with no conditional writes, lease counters or per-worker clock
/// comparisons. The state is persisted (through the cluster's grain storage, DynamoDB in production) whenever a lease
/// or checkpoint changes, so a failover reactivates the grain with every owner and checkpoint; heartbeat times are
/// not persisted, and after a reactivation every known worker gets a full lease again, which can only delay a
/// takeover, never cause two readers of one shard.
/// </remarks>
public sealed partial class StreamLeaseGrain(
    [PersistentState("leases", StorageNames.State)] IPersistentState<StreamLeaseState> state,
    TimeProvider time,
    ILogger<StreamLeaseGrain> logger) : Grain, IStreamLeaseGrain
{
    private LeaseTable? _table;

    private LeaseTable Table => _table ??= CreateTable();

    private string StreamName => this.GetPrimaryKeyString();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <inheritdoc />
    public async Task<LeaseAssignment> Heartbeat(LeaseHeartbeat heartbeat)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        ExpireWorkers();
        var assignment = Table.Heartbeat(heartbeat, Now);
        await SaveAsync();
        return assignment;
    }

    /// <inheritdoc />
    public async Task<bool> Checkpoint(string workerId, string shardId, string? sequenceNumber, bool shardEnded)
    {
        ExpireWorkers();
        var accepted = Table.Checkpoint(workerId, shardId, sequenceNumber, shardEnded, Now);
        if (!accepted)
        {
            LogCheckpointRefused(logger, StreamName, shardId, workerId);
        }
        await SaveAsync();
        return accepted;
    }

    /// <inheritdoc />
    public async Task Leave(string workerId)
    {
        Table.Leave(workerId);
        LogWorkerLeft(logger, StreamName, workerId);
        await SaveAsync();
    }

    /// <inheritdoc />
    public Task<StreamLeaseSnapshot> GetSnapshot()
    {
        ExpireWorkers();
        return Task.FromResult(Table.Snapshot());
    }

    private LeaseTable CreateTable()
    {
        var table = new LeaseTable(state.State);
        table.RenewAll(Now);
        return table;
    }

    private void ExpireWorkers()
    {
        foreach (var workerId in Table.Expire(Now))
        {
            LogWorkerExpired(logger, StreamName, workerId);
        }
    }

    private async Task SaveAsync()
    {
        if (!Table.Changed)
        {
            return;
        }
        try
        {
            await state.WriteStateAsync();
            Table.AcceptChanges();
        }
        catch (Exception)
        {
            DeactivateOnIdle();
            throw;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Stream {StreamName}: worker {WorkerId} missed its heartbeats; its lease expired and its shards are free")]
    private static partial void LogWorkerExpired(ILogger logger, string streamName, string workerId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Stream {StreamName}: worker {WorkerId} left; its shards are free")]
    private static partial void LogWorkerLeft(ILogger logger, string streamName, string workerId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Stream {StreamName}: checkpoint of shard {ShardId} by worker {WorkerId} refused: it does not own the shard")]
    private static partial void LogCheckpointRefused(ILogger logger, string streamName, string shardId, string workerId);
}
