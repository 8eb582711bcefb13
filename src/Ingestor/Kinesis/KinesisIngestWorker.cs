using Actors.Aws;
using Actors.Aws.Kinesis;
using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Actors.Ingestor.DeadLetters;
using Actors.Ingestor.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Ingestor.Kinesis;

/// <summary>
/// One ingestor process's share of a Kinesis stream. Lists the stream's shards (again every
/// <see cref="KinesisIngestOptions.ShardDiscoveryInterval"/>, and at once when a shard ends), sends a heartbeat to the
/// stream's <see cref="IStreamLeaseGrain"/> every <see cref="KinesisIngestOptions.HeartbeatInterval"/>, and runs one
/// <see cref="KinesisShardReader"/> per shard the grain assigns it, stopping the readers of shards it no longer owns
/// before its next heartbeat. When heartbeats fail for a whole lease duration it stops every reader on its own, since
/// its leases may have gone to another worker. On stop it ends its readers (their current batch is completed and
/// checkpointed) and leaves, so its shards are taken over at once.
/// </summary>
public sealed partial class KinesisIngestWorker
{
    private readonly KinesisIngestOptions _options;
    private readonly IKinesisClient _kinesis;
    private readonly TimeProvider _time;
    private readonly ILogger<KinesisIngestWorker> _logger;
    private readonly ShardReadContext _context;
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunningReader> _readers = new(StringComparer.Ordinal);
    private volatile string[] _owned = [];
    private volatile TaskCompletionSource _wake = NewSignal();
    private int _started;

    /// <summary>Creates a worker for the stream and worker ID in <paramref name="options"/>; it sends readings to <paramref name="grains"/>.</summary>
    public KinesisIngestWorker(
        IKinesisClient kinesis,
        IGrainFactory grains,
        ReadingParser parser,
        RejectionLog rejections,
        IDeadLetterSink deadLetters,
        KinesisIngestMetrics metrics,
        AlertLatencyMetrics alertLatency,
        IOptions<KinesisIngestOptions> options,
        IOptions<CheckpointOptions> checkpoints,
        TimeProvider time,
        ILogger<KinesisIngestWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _kinesis = kinesis;
        _time = time;
        _logger = logger;
        _context = new ShardReadContext
        {
            StreamName = _options.StreamName,
            WorkerId = _options.WorkerId,
            Options = _options,
            Kinesis = kinesis,
            Grains = grains,
            GrainCalls = new GrainCallGate(_options.MaxGrainCallsInFlight),
            Checkpoints = checkpoints.Value,
            Rounds = new CheckpointRounds(checkpoints.Value, CheckpointGrace(_options.PollInterval), time),
            Parser = parser,
            Rejections = rejections,
            DeadLetters = deadLetters,
            Metrics = metrics,
            AlertLatency = alertLatency,
            Summary = new RunSummary(),
            Time = time,
            Logger = logger,
        };
    }

    /// <summary>
    /// How long a checkpoint round waits for the readers that have not joined: a reader polling an idle shard joins within
    /// one <see cref="KinesisIngestOptions.PollInterval"/>, a busy one after its page.
    /// </summary>
    private static TimeSpan CheckpointGrace(TimeSpan pollInterval) => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(2).Ticks, 5 * pollInterval.Ticks));

    /// <summary>This worker's ID in the lease grain.</summary>
    public string WorkerId => _options.WorkerId;

    /// <summary>The stream read.</summary>
    public string StreamName => _options.StreamName;

    /// <summary>Records read, accepted, rejected and judged duplicate by this worker, and the anomalies found.</summary>
    public RunSummary Summary => _context.Summary;

    /// <summary>Rejected records by reason.</summary>
    public RejectionLog Rejections => _context.Rejections;

    /// <summary>The shards the lease grain assigned at the latest heartbeat (empty before the first, and after the worker stopped).</summary>
    public IReadOnlyList<string> OwnedShards => _owned;

    /// <summary>When the worker first read records (UTC); null before the first.</summary>
    public DateTimeOffset? FirstRecordAt => _context.FirstRecordAt;

    /// <summary>When the worker last completed a batch of records, dispatched and checkpointed (UTC); null before the first.</summary>
    public DateTimeOffset? LastBatchAt => _context.LastBatchAt;

    /// <summary>When the worker last read records or completed a batch (UTC); null before the first.</summary>
    public DateTimeOffset? LastActivityAt => _context.LastActivityAt;

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled, then stops the readers and leaves the stream's
    /// leases. Throws <see cref="AwsServiceException"/> when the stream cannot be listed at start (e.g. it does not exist).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("A worker runs once; create another one to run again.");
        }
        var shards = await DiscoverAsync(cancellationToken);
        LogStarting(_logger, WorkerId, StreamName, shards.Length, _options.LeaseDuration.TotalSeconds);
        var nextDiscovery = _time.GetUtcNow() + _options.ShardDiscoveryInterval;
        var leaseValidUntil = DateTimeOffset.MinValue;
        try
        {
            while (true)
            {
                var wake = _wake = NewSignal();
                var shardEnded = Reap();
                if (shardEnded || _time.GetUtcNow() >= nextDiscovery)
                {
                    shards = await RediscoverAsync(shards, cancellationToken);
                    nextDiscovery = _time.GetUtcNow() + _options.ShardDiscoveryInterval;
                }
                var sentAt = _time.GetUtcNow();
                var assignment = await HeartbeatAsync(shards);
                var released = false;
                if (assignment is not null)
                {
                    leaseValidUntil = sentAt + _options.LeaseDuration;
                    released = await ReconcileAsync(assignment);
                }
                else if (_time.GetUtcNow() >= leaseValidUntil && _readers.Count > 0)
                {
                    LogLeaseLapsed(_logger, WorkerId, string.Join(",", _readers.Keys));
                    await StopReadersAsync([.. _readers.Keys]);
                    _owned = [];
                }
                if (!released)
                {
                    await WaitAsync(wake, _options.HeartbeatInterval, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopping(_logger, WorkerId, _readers.Count);
        }
        finally
        {
            await StopAllReadersAsync(shards);
            _owned = [];
            await LeaveAsync();
        }
    }

    /// <summary>
    /// Stops every reader, heartbeating meanwhile: their last checkpoint is one round that writes every device read since
    /// the previous one, which can take longer than a lease (10,000 devices into one moto_server did), and a lapsed lease
    /// would refuse those checkpoints and have the shards read again.
    /// </summary>
    private async Task StopAllReadersAsync(DiscoveredShard[] shards)
    {
        string[] held = [.. _readers.Keys];
        using var stopped = new CancellationTokenSource();
        var heartbeats = KeepLeaseAsync(shards, held, stopped.Token);
        await StopReadersAsync(held);
        await stopped.CancelAsync();
        await heartbeats;
    }

    private async Task KeepLeaseAsync(DiscoveredShard[] shards, string[] held, CancellationToken stopped)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.HeartbeatInterval, _time, stopped);
                await HeartbeatAsync(shards, held);
            }
        }
        catch (OperationCanceledException) when (stopped.IsCancellationRequested)
        {
        }
    }

    private async Task<DiscoveredShard[]> DiscoverAsync(CancellationToken cancellationToken)
    {
        var shards = await _kinesis.ListShardsAsync(StreamName, cancellationToken: cancellationToken);
        return [.. shards.Select(shard => new DiscoveredShard
        {
            ShardId = shard.ShardId,
            ParentShardIds = new[] { shard.ParentShardId, shard.AdjacentParentShardId }.OfType<string>().ToArray(),
            IsClosed = !shard.IsOpen,
        })];
    }

    private async Task<DiscoveredShard[]> RediscoverAsync(DiscoveredShard[] previous, CancellationToken cancellationToken)
    {
        try
        {
            return await DiscoverAsync(cancellationToken);
        }
        catch (AwsServiceException ex)
        {
            LogDiscoveryFailed(_logger, ex, StreamName, ex.ErrorCode);
            return previous;
        }
    }

    private async Task<LeaseAssignment?> HeartbeatAsync(DiscoveredShard[] shards, string[]? held = null)
    {
        try
        {
            return await _context.Leases.Heartbeat(new LeaseHeartbeat
            {
                WorkerId = WorkerId,
                LeaseDuration = _options.LeaseDuration,
                Shards = shards,
                Held = held ?? [.. _readers.Keys],
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHeartbeatFailed(_logger, ex, WorkerId, StreamName);
            return null;
        }
    }

    /// <summary>Stops the readers of shards no longer owned, starts readers for newly owned ones; true when it stopped any.</summary>
    private async Task<bool> ReconcileAsync(LeaseAssignment assignment)
    {
        var owned = assignment.Shards.ToDictionary(s => s.ShardId, StringComparer.Ordinal);
        var released = _readers.Keys.Where(id => !owned.ContainsKey(id)).ToList();
        if (released.Count > 0)
        {
            LogReleasing(_logger, WorkerId, string.Join(",", released));
            await StopReadersAsync(released);
        }
        foreach (var shard in assignment.Shards.Where(s => !_readers.ContainsKey(s.ShardId) && !_finished.Contains(s.ShardId)))
        {
            Start(shard);
        }
        _owned = [.. owned.Keys];
        return released.Count > 0;
    }

    private void Start(ShardAssignment shard)
    {
        // Not linked to the worker's token: when the worker stops, StopReadersAsync first tells the checkpoint rounds that
        // every reader owes its last checkpoint, then stops them, so they stop in one round rather than one each.
        var stop = new CancellationTokenSource();
        var reader = new KinesisShardReader(_context, shard);
        var task = Task.Run(() => reader.RunAsync(stop.Token), CancellationToken.None);
        _ = task.ContinueWith(WakeWhenFinished, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _readers.Add(shard.ShardId, new RunningReader(task, stop));
        LogAcquired(_logger, WorkerId, shard.ShardId, shard.Checkpoint);
    }

    /// <summary>Forgets the readers that ended; true when one of them finished its shard.</summary>
    private bool Reap()
    {
        var shardEnded = false;
        foreach (var (shardId, reader) in _readers.Where(r => r.Value.Task.IsCompleted).ToList())
        {
            shardEnded |= Forget(shardId, reader);
        }
        return shardEnded;
    }

    private async Task StopReadersAsync(IReadOnlyList<string> shardIds)
    {
        var stopping = shardIds.Select(id => (ShardId: id, Reader: _readers[id])).ToList();
        if (stopping.Count == _readers.Count)
        {
            _context.Rounds.AllDue();
        }
        foreach (var (_, reader) in stopping)
        {
            await reader.Stop.CancelAsync();
        }
        foreach (var (shardId, reader) in stopping)
        {
            await ((Task)reader.Task).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            Forget(shardId, reader);
        }
    }

    /// <summary>Removes an ended reader, logging a failure; true when it finished its shard.</summary>
    private bool Forget(string shardId, RunningReader reader)
    {
        _readers.Remove(shardId);
        reader.Stop.Dispose();
        if (!reader.Task.IsCompletedSuccessfully)
        {
            LogReaderFailed(_logger, reader.Task.Exception?.InnerException ?? new TaskCanceledException(reader.Task), shardId);
            return false;
        }
        if (reader.Task.Result != ShardReadEnd.Finished)
        {
            return false;
        }
        _finished.Add(shardId);
        return true;
    }

    private async Task LeaveAsync()
    {
        try
        {
            await _context.Leases.Leave(WorkerId);
            LogLeft(_logger, WorkerId, StreamName);
        }
        catch (Exception ex)
        {
            LogLeaveFailed(_logger, ex, WorkerId, StreamName, _options.LeaseDuration.TotalSeconds);
        }
    }

    private async Task WaitAsync(TaskCompletionSource wake, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(interval, _time, timer.Token);
        if (await Task.WhenAny(delay, wake.Task) == wake.Task)
        {
            await timer.CancelAsync();
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A shard read to its end makes the loop list the shards and heartbeat at once, so its children start quickly; a failed reader waits for the next heartbeat.</summary>
    private static void WakeWhenFinished(Task<ShardReadEnd> reader, object? worker)
    {
        if (reader is { IsCompletedSuccessfully: true, Result: ShardReadEnd.Finished })
        {
            ((KinesisIngestWorker)worker!)._wake.TrySetResult();
        }
    }

    private sealed record RunningReader(Task<ShardReadEnd> Task, CancellationTokenSource Stop);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Worker {WorkerId} reading stream {StreamName} ({ShardCount} shards listed, lease {LeaseSeconds} s)")]
    private static partial void LogStarting(ILogger logger, string workerId, string streamName, int shardCount, double leaseSeconds);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Worker {WorkerId} stopping {ReaderCount} shard readers")]
    private static partial void LogStopping(ILogger logger, string workerId, int readerCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Worker {WorkerId} acquired shard {ShardId} (checkpoint {Checkpoint})")]
    private static partial void LogAcquired(ILogger logger, string workerId, string shardId, string? checkpoint);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Worker {WorkerId} releasing shards {ShardIds} to other workers")]
    private static partial void LogReleasing(ILogger logger, string workerId, string shardIds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Heartbeat of worker {WorkerId} for stream {StreamName} failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception, string workerId, string streamName);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Worker {WorkerId} could not renew its leases for a whole lease duration; stopped reading shards {ShardIds}")]
    private static partial void LogLeaseLapsed(ILogger logger, string workerId, string shardIds);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Reader of shard {ShardId} failed; it restarts from the checkpoint at the next heartbeat")]
    private static partial void LogReaderFailed(ILogger logger, Exception exception, string shardId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Listing the shards of stream {StreamName} failed ({ErrorCode}); using the previous list")]
    private static partial void LogDiscoveryFailed(ILogger logger, Exception exception, string streamName, string errorCode);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Worker {WorkerId} left stream {StreamName}")]
    private static partial void LogLeft(ILogger logger, string workerId, string streamName);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Worker {WorkerId} could not leave stream {StreamName}; its shards are taken over when its lease expires ({LeaseSeconds} s)")]
    private static partial void LogLeaveFailed(ILogger logger, Exception exception, string workerId, string streamName, double leaseSeconds);
}
