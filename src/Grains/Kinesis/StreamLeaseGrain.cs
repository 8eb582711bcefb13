using Actors.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Actors.Grains.Kinesis;

/// <summary>
/// Holds the shard leases and checkpoints of one Kinesis stream (key = stream name); the rules are in
/// <see cref="LeaseTable"/>, this grain only orders the calls, keeps time and persists.
/// </summary>
/// <remarks>
/// Why a grain and not a DynamoDB lease table (the Kinesis Client Library's design): Orleans guarantees a single
/// activation per grain and runs its calls one at a time, so all lease decisions of a stream are taken by one piece of
/// code over one in-memory copy of the state, with no conditional writes, lease counters or per-worker clock
/// comparisons. What changed is persisted (through the cluster's grain storage, DynamoDB in production) before a call
/// returns, so a failover reactivates the grain with every owner and checkpoint: a checkpoint or a lease change writes
/// the item of each shard it changed, a worker joining or leaving or a new shard the stream-wide head
/// (<see cref="StreamLeaseStore"/>). Heartbeat times are not persisted, so a plain heartbeat writes nothing; after a
/// reactivation every known worker gets a full lease again, which can only delay a takeover, never cause two readers
/// of one shard.
/// </remarks>
public sealed partial class StreamLeaseGrain(
    IServiceProvider services,
    TimeProvider time,
    ILogger<StreamLeaseGrain> logger) : Grain, IStreamLeaseGrain
{
    private StreamLeaseStore _store = null!;
    private StreamLeaseState _state = null!;
    private LeaseTable _table = null!;

    private string StreamName => this.GetPrimaryKeyString();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Reads the leases back; nobody knows when the workers were last heard, so each gets a full lease.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _store = new StreamLeaseStore(services.GetRequiredKeyedService<IGrainStorage>(StorageNames.State), this.GetGrainId());
        _state = await _store.LoadAsync();
        _table = new LeaseTable(_state);
        _table.RenewAll(Now);
    }

    /// <inheritdoc />
    public async Task<LeaseAssignment> Heartbeat(LeaseHeartbeat heartbeat)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        ExpireWorkers();
        var assignment = _table.Heartbeat(heartbeat, Now);
        await SaveAsync();
        return assignment;
    }

    /// <inheritdoc />
    public async Task<bool> Checkpoint(string workerId, string shardId, string? sequenceNumber, bool shardEnded)
    {
        ExpireWorkers();
        var accepted = _table.Checkpoint(workerId, shardId, sequenceNumber, shardEnded, Now);
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
        _table.Leave(workerId);
        LogWorkerLeft(logger, StreamName, workerId);
        await SaveAsync();
    }

    /// <inheritdoc />
    public Task<StreamLeaseSnapshot> GetSnapshot()
    {
        ExpireWorkers();
        return Task.FromResult(_table.Snapshot());
    }

    private void ExpireWorkers()
    {
        foreach (var workerId in _table.Expire(Now))
        {
            LogWorkerExpired(logger, StreamName, workerId);
        }
    }

    private async Task SaveAsync()
    {
        if (!_table.Changed)
        {
            return;
        }
        try
        {
            await _store.SaveAsync(_state, _table.HeadChanged, _table.ChangedShards);
            _table.AcceptChanges();
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
