using System.IO.Hashing;
using System.Text;
using Actors.Detection.Alerts;
using Actors.Grains.Interfaces;
using Actors.Grains.Options;
using Actors.Grains.Silences;
using Actors.Grains.Sinks;
using Actors.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Orleans.Runtime;
using Orleans.Storage;

namespace Actors.Grains.Notifier;

/// <summary>
/// One per notifier shard. Records every anomaly once (by alert ID) and every alarm transition once (by transition ID),
/// folds repeats of anomalies within the cooldown, and keeps each
/// notification until every configured sink accepted it; failed deliveries are retried with exponential backoff and
/// jitter. Activated at silo start (see <c>NotifierWakeup</c>) so notifications left by a stopped silo are delivered.
/// </summary>
/// <remarks>
/// <para>
/// Durability before the caller's own write: <see cref="Notify"/> returns only after what it received is written (in
/// <see cref="AlertSegment"/>s, then the small head state that commits them). <see cref="Queue"/> returns at once with a
/// ticket; what it took is committed with everything else queued every <see cref="NotifierOptions.CommitInterval"/>, and
/// <see cref="Flush"/> commits it at once and says whether it is durable, so a device grain writes its own state only once
/// no anomaly that state reflects can be lost. After a crash, readings since the last checkpoint are judged
/// again and give the same alert IDs; the shard remembers the IDs of the segments it keeps
/// (<see cref="NotifierOptions.DedupRetention"/>) and records and delivers each alert once.
/// </para>
/// <para>
/// Silences: an anomaly or transition that a silence matches when it arrives is recorded and counted like any other
/// (so it is not sent when judged again) but makes no notification; it is not sent after the silence ends either.
/// </para>
/// <para>
/// Delivery and the commit of queued calls run on interleaving timers, delivery with a timeout per attempt, so a slow or
/// unreachable sink never holds up <see cref="Notify"/>; head writes are serialized by a lock.
/// </para>
/// </remarks>
public sealed partial class NotifierGrain(
    [PersistentState("notifier", StorageNames.State)] IPersistentState<NotifierState> state,
    IEnumerable<INotificationSink> allSinks,
    IServiceProvider services,
    SilenceCache silenceCache,
    IOptions<NotifierOptions> options,
    TimeProvider time,
    DetectionMetrics metrics,
    ILogger<NotifierGrain> logger) : Grain, INotifierGrain
{
    /// <summary>Most anomalies and transitions in one segment, so that a segment stays far below DynamoDB's 400 KB item limit (each is stored with its notification, about 1 KB together).</summary>
    internal const int MaxSegmentEntries = 200;

    /// <summary>Segments read at once when a shard activates: six hours of them can be thousands of items.</summary>
    private const int ReadsInFlight = 32;

    private readonly NotifierOptions _options = options.Value;
    private readonly Dictionary<string, INotificationSink> _sinks = allSinks
        .Where(s => options.Value.Sinks.Contains(s.Name, StringComparer.OrdinalIgnoreCase))
        .ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
    private readonly AlertSegmentStore _segments = new(services.GetRequiredKeyedService<IGrainStorage>(StorageNames.State));
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly AlertRepeatFolder _folder = new();
    private readonly HashSet<UInt128> _known = [];
    private readonly List<KeptSegment> _kept = [];
    private readonly List<Anomaly> _recent = [];
    private readonly List<OutboxEntry> _outbox = [];
    private readonly List<NotifyRequest> _queued = [];
    private readonly Guid _activation = Guid.NewGuid();
    private long _lastQueued;
    private long _committedThrough;
    private NotifierTicket? _committedBefore;
    private bool _commitFailed;
    private RetryBackoff Backoff => field ??= new RetryBackoff(_options.RetryBaseDelay, _options.RetryMaxDelay);

    private long Shard => this.GetPrimaryKeyLong();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Reads the kept segments in order: they give the alert IDs to remember, the recent anomalies, the notifications
    /// still pending and, offered again at the times they were first offered, the repeat-folding cooldowns.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var s = state.State;
        var now = Now;
        _committedBefore = s.Committed;
        var uncommitted = s.Uncommitted.ToHashSet();
        var sequences = Enumerable.Range(0, checked((int)(s.NextSequence - s.FirstKept))).Select(i => s.FirstKept + i).Where(q => !uncommitted.Contains(q));
        foreach (var chunk in sequences.Chunk(ReadsInFlight))
        {
            foreach (var segment in await Task.WhenAll(chunk.Select(q => _segments.ReadAsync(Shard, q))))
            {
                if (segment is not null)
                {
                    Load(segment, now);
                }
            }
        }
        this.RegisterGrainTimer(DeliverAsync, new GrainTimerCreationOptions(_options.DeliveryInterval, _options.DeliveryInterval) { KeepAlive = true, Interleave = true });
        if (_options.CommitInterval > TimeSpan.Zero)
        {
            this.RegisterGrainTimer(CommitQueuedCallsAsync, new GrainTimerCreationOptions(_options.CommitInterval, _options.CommitInterval) { KeepAlive = true, Interleave = true });
        }
    }

    /// <summary>Commits what is queued, so that a shard that moves (its silo stops) leaves no ticket behind that it could have kept.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!cancellationToken.IsCancellationRequested)
        {
            await CommitQueuedCallsAsync(cancellationToken);
        }
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>Takes a committed segment back into memory on activation, its pending notifications into the outbox.</summary>
    private void Load(AlertSegment segment, DateTime now)
    {
        Remember(segment);
        Refold(segment);
        for (var i = 0; i < segment.Notifications.Count; i++)
        {
            var ordinal = segment.FirstNotification + i;
            var pending = _sinks.Keys.Where(sink => state.State.Pending.TryGetValue(sink, out var ranges) && OrdinalRange.AnyContains(ranges, ordinal)).ToList();
            if (pending.Count > 0)
            {
                _outbox.Add(new OutboxEntry { Notification = segment.Notifications[i], Ordinal = ordinal, PendingSinks = pending, EnqueuedAt = segment.WrittenAt, NextAttemptAt = now });
            }
        }
    }

    /// <summary>
    /// Group commit: calls that arrive while a commit is being written wait for the lock together, and the first of
    /// them to take it commits them all (and everything <see cref="Queue"/>d) with one head write, so a burst of devices
    /// notifying costs a few writes, not one head write each. Every call still returns only once what it sent is durable.
    /// </summary>
    public async Task Notify(Anomaly[] anomalies, AlarmTransition[]? transitions = null) =>
        await CommitThroughAsync(Take(anomalies, transitions).Request);

    public Task<NotifierTicket> Queue(Anomaly[] anomalies, AlarmTransition[]? transitions = null)
    {
        ThrowIfAbandoned();
        return Task.FromResult(Take(anomalies, transitions));
    }

    /// <summary>
    /// A ticket of this activation is durable once its commit is written; a ticket of the activation before it is
    /// durable if that one's last commit (which the head records) covered it; any other ticket was issued by an activation
    /// this shard knows nothing of, and is lost as far as it can tell.
    /// </summary>
    public async Task<bool> Flush(NotifierTicket ticket)
    {
        if (ticket.Activation != _activation)
        {
            var durable = ticket.Activation == _committedBefore?.Activation && ticket.Request <= _committedBefore.Request;
            if (!durable)
            {
                LogTicketLost(logger, Shard, ticket.Activation, ticket.Request);
            }
            return durable;
        }
        if (ticket.Request > _lastQueued)
        {
            LogTicketLost(logger, Shard, ticket.Activation, ticket.Request);
            return false;
        }
        try
        {
            await CommitThroughAsync(ticket.Request);
            return true;
        }
        catch (Exception ex) when (_commitFailed)
        {
            LogTicketNotCommitted(logger, ex, Shard, ticket.Request);
            return false;
        }
    }

    private NotifierTicket Take(Anomaly[] anomalies, AlarmTransition[]? transitions)
    {
        _queued.Add(new NotifyRequest(anomalies, transitions ?? []));
        return new NotifierTicket { Activation = _activation, Request = ++_lastQueued };
    }

    private async Task CommitQueuedCallsAsync(CancellationToken cancellationToken)
    {
        if (_queued.Count > 0 && !_commitFailed)
        {
            await CommitThroughAsync(_lastQueued);
        }
    }

    /// <summary>Returns once every call queued up to <paramref name="request"/> is durable; throws when its commit failed.</summary>
    private async Task CommitThroughAsync(long request)
    {
        while (_committedThrough < request)
        {
            ThrowIfAbandoned();
            await _writeLock.WaitAsync();
            try
            {
                if (_committedThrough < request && !_commitFailed)
                {
                    await CommitQueuedAsync();
                }
            }
            finally
            {
                _writeLock.Release();
            }
        }
    }

    /// <summary>Records everything queued and commits it with one head write, which also records how far this activation's calls are committed. Call under the write lock.</summary>
    private async Task CommitQueuedAsync()
    {
        var requests = _queued.ToList();
        _queued.Clear();
        var through = _lastQueued;
        try
        {
            var segments = await RecordAsync(requests);
            if (segments.Count > 0)
            {
                state.State.Committed = new NotifierTicket { Activation = _activation, Request = through };
                await CommitAsync(segments);
            }
            _committedThrough = through;
        }
        catch
        {
            Abandon();
            throw;
        }
    }

    private void ThrowIfAbandoned()
    {
        if (_commitFailed)
        {
            throw new InvalidOperationException($"Notifier shard {Shard} is being reloaded after a failed write; call again.");
        }
    }

    /// <summary>
    /// After a failed commit the activation's memory (counters, cooldowns) is ahead of what is written: it takes no more
    /// work and is dropped, so the next activation starts from what is committed and the callers' retries are recorded
    /// as new.
    /// </summary>
    private void Abandon()
    {
        _commitFailed = true;
        DeactivateOnIdle();
    }

    /// <summary>Drops what was received before, records the rest in new segments and decides what each one notifies.</summary>
    private async Task<List<AlertSegment>> RecordAsync(List<NotifyRequest> requests)
    {
        var s = state.State;
        var now = Now;
        var silences = await silenceCache.GetAsync();
        var segments = new List<AlertSegment>();
        var received = new HashSet<UInt128>();
        AlertSegment Current()
        {
            if (segments.Count == 0 || segments[^1].Anomalies.Count + segments[^1].SilencedAnomalies.Count + segments[^1].Transitions.Count >= MaxSegmentEntries)
            {
                segments.Add(new AlertSegment { WrittenAt = now });
            }
            return segments[^1];
        }
        bool IsNew(string id)
        {
            var key = AlertKey(id);
            if (_known.Contains(key) || !received.Add(key))
            {
                s.Repeated++;
                return false;
            }
            return true;
        }
        foreach (var anomaly in requests.SelectMany(r => r.Anomalies).Where(a => IsNew(a.AlertId)))
        {
            var segment = Current();
            s.Received++;
            s.ByType[anomaly.AnomalyType] = s.ByType.GetValueOrDefault(anomaly.AnomalyType) + 1;
            metrics.AnomalyRecorded(anomaly.AnomalyType);
            if (SilenceOf(silences, anomaly.DeviceId, anomaly.ProductId, anomaly.Metric, RuleName(anomaly.AnomalyType), now) is { } silence)
            {
                segment.SilencedAnomalies.Add(anomaly);
                Silenced(anomaly.AlertId, silence);
                continue;
            }
            segment.Anomalies.Add(anomaly);
            if (_folder.Offer(anomaly, now, _options.Cooldown) is { } notification)
            {
                segment.Notifications.Add(notification);
            }
            else
            {
                s.Folded++;
            }
        }
        foreach (var transition in requests.SelectMany(r => r.Transitions).Where(t => IsNew(t.TransitionId)))
        {
            var segment = Current();
            segment.Transitions.Add(transition);
            if (SilenceOf(silences, transition.DeviceId, transition.Cause.ProductId, transition.Metric, transition.Rule, now) is { } silence)
            {
                Silenced(transition.TransitionId, silence);
            }
            else
            {
                segment.Notifications.Add(AlarmNotification(transition));
            }
        }
        return segments;
    }

    public Task<Anomaly[]> GetRecent(AlertQuery query)
    {
        var matches = new List<Anomaly>();
        for (var i = _recent.Count - 1; i >= 0 && matches.Count < query.Limit; i--)
        {
            var a = _recent[i];
            if ((query.DeviceId is null || a.DeviceId == query.DeviceId)
                && (query.ProductId is null || a.ProductId == query.ProductId)
                && (query.Type is null || a.AnomalyType == query.Type)
                && (query.Since is null || a.TargetTime >= query.Since))
            {
                matches.Add(a);
            }
        }
        return Task.FromResult(matches.ToArray());
    }

    public Task<NotifierSnapshot> GetSnapshot() => Task.FromResult(new NotifierSnapshot
    {
        Received = state.State.Received,
        Notifications = state.State.Notifications,
        Folded = state.State.Folded,
        OutboxDepth = _outbox.Count,
        ByType = new Dictionary<AnomalyType, long>(state.State.ByType),
        Silenced = state.State.Silenced,
    });

    private static Silence? SilenceOf(Silence[] silences, string deviceId, string? productId, string metric, string rule, DateTime now) =>
        Array.Find(silences, s => s.Matches(deviceId, productId, metric, rule, now));

    private static string RuleName(AnomalyType type) => Enum.GetName(type) ?? type.ToString();

    private void Silenced(string id, Silence silence)
    {
        state.State.Silenced++;
        LogSilenced(logger, Shard, id, silence.Id);
    }

    private static Notification AlarmNotification(AlarmTransition transition) => new()
    {
        NotificationId = transition.TransitionId,
        Anomaly = transition.Cause,
        Count = transition.Count,
        FirstTargetTime = transition.At,
        LastTargetTime = transition.At,
        Alarm = transition,
    };

    /// <summary>
    /// Writes the segments, then the head that references them and their pending notifications: the head write commits
    /// the segments. Their notifications join the outbox only once committed, so nothing is delivered that a crash
    /// could make the shard forget. Call under the write lock; when it fails, <see cref="Abandon"/> the activation.
    /// </summary>
    private async Task CommitAsync(List<AlertSegment> segments)
    {
        var s = state.State;
        var committed = new List<OutboxEntry>();
        foreach (var segment in segments)
        {
            segment.Sequence = s.NextSequence;
            segment.FirstNotification = s.Notifications;
            await _segments.WriteNewAsync(Shard, segment);
            for (var taken = s.NextSequence; taken < segment.Sequence; taken++)
            {
                s.Uncommitted.Add(taken);
            }
            s.NextSequence = segment.Sequence + 1;
            s.Notifications += segment.Notifications.Count;
            if (_sinks.Count > 0)
            {
                committed.AddRange(segment.Notifications.Select((n, i) => new OutboxEntry
                {
                    Notification = n, Ordinal = segment.FirstNotification + i, PendingSinks = [.. _sinks.Keys],
                    EnqueuedAt = segment.WrittenAt, NextAttemptAt = segment.WrittenAt,
                }));
            }
        }
        s.Pending = PendingBySink(_outbox.Concat(committed));
        await WriteHeadAsync();
        segments.ForEach(Remember);
        _outbox.AddRange(committed);
    }

    private async Task WriteHeadAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            Abandon();
            throw;
        }
    }

    /// <summary>Per sink, the ranges of ordinals it has not accepted; the outbox is in ordinal order (committed, or loaded, in sequence).</summary>
    private static Dictionary<string, List<OrdinalRange>> PendingBySink(IEnumerable<OutboxEntry> outbox) => outbox
        .SelectMany(e => e.PendingSinks.Select(sink => (sink, e.Ordinal)))
        .GroupBy(p => p.sink, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => OrdinalRange.Covering(g.Select(p => p.Ordinal)), StringComparer.OrdinalIgnoreCase);

    private void Remember(AlertSegment segment)
    {
        var ids = segment.Anomalies.Concat(segment.SilencedAnomalies).Select(a => AlertKey(a.AlertId))
            .Concat(segment.Transitions.Select(t => AlertKey(t.TransitionId)))
            .ToArray();
        _known.UnionWith(ids);
        _kept.Add(new KeptSegment(segment.Sequence, segment.WrittenAt, ids));
        _recent.AddRange(segment.Anomalies.Concat(segment.SilencedAnomalies));
        var excess = _recent.Count - _options.RecentAnomalies;
        if (excess > 0)
        {
            _recent.RemoveRange(0, excess);
        }
    }

    /// <summary>Does to the repeat folder again what the segment's commit did: the cooldowns a shard reloads are those it had.</summary>
    private void Refold(AlertSegment segment)
    {
        if (segment.ClosesCooldowns)
        {
            _folder.Expire(segment.WrittenAt, _options.Cooldown);
        }
        foreach (var anomaly in segment.Anomalies)
        {
            _folder.Offer(anomaly, segment.WrittenAt, _options.Cooldown);
        }
    }

    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        if (_commitFailed)
        {
            return;
        }
        await ExpireAsync();
        var now = Now;
        var delivered = false;
        var due = _outbox.Where(e => e.NextAttemptAt <= now).ToList();
        foreach (var sinkName in due.SelectMany(e => e.PendingSinks).Distinct().ToList())
        {
            var batch = due.Where(e => e.PendingSinks.Contains(sinkName)).ToList();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.DeliveryTimeout);
            try
            {
                await _sinks[sinkName].SendAsync(batch.Select(e => e.Notification).ToList(), timeout.Token);
                batch.ForEach(e => e.PendingSinks.Remove(sinkName));
                delivered = true;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                metrics.DeliveryFailed(sinkName);
                foreach (var entry in batch)
                {
                    entry.Attempts++;
                    entry.NextAttemptAt = Now + Backoff.Delay(entry.Attempts);
                }
                LogDeliveryFailed(logger, ex, Shard, sinkName, batch.Count, batch.Max(e => e.Attempts));
            }
        }
        _outbox.RemoveAll(e => e.PendingSinks.Count == 0);
        metrics.OutboxDepth(Shard, _outbox.Count, _outbox.Count == 0 ? TimeSpan.Zero : Now - _outbox.Min(e => e.EnqueuedAt));
        if (delivered || DropsExpiredSegments())
        {
            await SaveDeliveryAsync();
        }
    }

    /// <summary>Cooldowns that ended become summary notifications, committed like received anomalies.</summary>
    private async Task ExpireAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            var now = Now;
            var summaries = _folder.Expire(now, _options.Cooldown);
            if (summaries.Count > 0)
            {
                try
                {
                    await CommitAsync([new AlertSegment { WrittenAt = now, Notifications = summaries, ClosesCooldowns = true }]);
                }
                catch
                {
                    Abandon();
                    throw;
                }
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private bool DropsExpiredSegments() => _kept.Count > 0 && Now - _kept[0].WrittenAt > _options.DedupRetention;

    /// <summary>Records which sinks accepted what, and forgets segments past the retention whose notifications were all delivered.</summary>
    private async Task SaveDeliveryAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            var s = state.State;
            s.Pending = PendingBySink(_outbox);
            var oldestPending = _outbox.Select(e => e.EnqueuedAt).DefaultIfEmpty(DateTime.MaxValue).Min();
            var expired = _kept.TakeWhile(k => Now - k.WrittenAt > _options.DedupRetention && k.WrittenAt < oldestPending).ToList();
            s.FirstKept = expired.Count < _kept.Count ? _kept[expired.Count].Sequence : s.NextSequence;
            var abandoned = s.Uncommitted.Where(q => q < s.FirstKept).ToList();
            s.Uncommitted.RemoveAll(q => q < s.FirstKept);
            await WriteHeadAsync();
            _kept.RemoveRange(0, expired.Count);
            foreach (var segment in expired)
            {
                _known.ExceptWith(segment.Ids);
                await _segments.ClearAsync(Shard, segment.Sequence);
            }
            foreach (var sequence in abandoned)
            {
                await _segments.ClearAsync(Shard, sequence);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// What the shard remembers of an alert or alarm transition ID: its 128-bit xxHash, 16 bytes instead of a string of
    /// 100 or more; two IDs would share one with a probability of about n² / 2^129 among n remembered.
    /// </summary>
    private static UInt128 AlertKey(string alertId) => XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(alertId));

    [LoggerMessage(Level = LogLevel.Information, Message = "Notifier shard {Shard}: {Id} not sent, silence {SilenceId} matches it")]
    private static partial void LogSilenced(ILogger logger, long shard, string id, long silenceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notifier shard {Shard}: a flush asked for call {Request} of activation {Activation}, which this activation does not hold; the caller goes back to its last written state")]
    private static partial void LogTicketLost(ILogger logger, long shard, Guid activation, long request);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notifier shard {Shard}: the commit of call {Request} failed; the caller goes back to its last written state")]
    private static partial void LogTicketNotCommitted(ILogger logger, Exception exception, long shard, long request);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notifier shard {Shard}: delivering {Count} notifications to sink {Sink} failed (attempt {Attempts}); will retry")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, long shard, string sink, int count, int attempts);

    /// <summary>A committed segment in memory: when it was written and the IDs it makes the shard remember until it is dropped.</summary>
    private sealed record KeptSegment(long Sequence, DateTime WrittenAt, UInt128[] Ids);

    /// <summary>One <see cref="Notify"/> or <see cref="Queue"/> call waiting for its commit.</summary>
    private sealed record NotifyRequest(Anomaly[] Anomalies, AlarmTransition[] Transitions);
}
