using System.IO.Hashing;
using System.Text;
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
/// Durability before acknowledgement: <see cref="Notify"/> returns only after what it received is written (an
/// <see cref="AlertSegment"/> of its own, then the small head state), so a device grain may advance and later write its
/// own state knowing that no anomaly it found can be lost. After a crash, readings since the last checkpoint are judged
/// again and give the same alert IDs; the shard remembers the IDs of the segments it keeps
/// (<see cref="NotifierOptions.DedupRetention"/>) and records and delivers each alert once.
/// </para>
/// <para>
/// Silences: an anomaly or transition that a silence matches when it arrives is recorded and counted like any other
/// (so it is not sent when judged again) but makes no notification; it is not sent after the silence ends either.
/// </para>
/// <para>
/// Delivery runs on an interleaving timer with a timeout per attempt, so a slow or unreachable sink never holds up
/// <see cref="Notify"/>; head writes are serialized by a lock.
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
    private readonly NotifierOptions _options = options.Value;
    private readonly Dictionary<string, INotificationSink> _sinks = allSinks
        .Where(s => options.Value.Sinks.Contains(s.Name, StringComparer.OrdinalIgnoreCase))
        .ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
    private readonly AlertSegmentStore _segments = new(services.GetRequiredKeyedService<IGrainStorage>(StorageNames.State));
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly HashSet<UInt128> _known = [];
    private readonly Dictionary<long, UInt128[]> _idsBySegment = [];
    private readonly List<Anomaly> _recent = [];
    private readonly List<OutboxEntry> _outbox = [];
    private bool _commitFailed;
    private RetryBackoff Backoff => field ??= new RetryBackoff(_options.RetryBaseDelay, _options.RetryMaxDelay);

    private long Shard => this.GetPrimaryKeyLong();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        foreach (var kept in state.State.Segments)
        {
            if (await _segments.ReadAsync(Shard, kept.Sequence) is not { } segment)
            {
                continue;
            }
            Remember(segment);
            foreach (var notification in segment.Notifications)
            {
                if (state.State.Pending.TryGetValue(notification.NotificationId, out var sinks))
                {
                    _outbox.Add(new OutboxEntry { Notification = notification, PendingSinks = [.. sinks], EnqueuedAt = segment.WrittenAt, NextAttemptAt = now });
                }
            }
        }
        this.RegisterGrainTimer(DeliverAsync, new GrainTimerCreationOptions(_options.DeliveryInterval, _options.DeliveryInterval) { KeepAlive = true, Interleave = true });
    }

    public async Task Notify(Anomaly[] anomalies, AlarmTransition[]? transitions = null)
    {
        await _writeLock.WaitAsync();
        try
        {
            if (_commitFailed)
            {
                throw new InvalidOperationException($"Notifier shard {Shard} is being reloaded after a failed write; call again.");
            }
            var s = state.State;
            var now = Now;
            var silences = await silenceCache.GetAsync();
            var segment = new AlertSegment { Sequence = s.NextSequence, WrittenAt = now };
            foreach (var anomaly in anomalies)
            {
                if (_known.Contains(AlertKey(anomaly.AlertId)) || segment.Anomalies.Any(a => a.AlertId == anomaly.AlertId))
                {
                    s.Repeated++;
                    continue;
                }
                segment.Anomalies.Add(anomaly);
                s.Received++;
                s.ByType[anomaly.AnomalyType] = s.ByType.GetValueOrDefault(anomaly.AnomalyType) + 1;
                metrics.AnomalyRecorded(anomaly.AnomalyType);
                if (SilenceOf(silences, anomaly.DeviceId, anomaly.ProductId, anomaly.Metric, RuleName(anomaly.AnomalyType), now) is { } silence)
                {
                    Silenced(anomaly.AlertId, silence);
                }
                else if (s.Folder.Offer(anomaly, now, _options.Cooldown) is { } notification)
                {
                    segment.Notifications.Add(notification);
                }
                else
                {
                    s.Folded++;
                }
            }
            foreach (var transition in transitions ?? [])
            {
                if (_known.Contains(AlertKey(transition.TransitionId)) || segment.Transitions.Any(t => t.TransitionId == transition.TransitionId))
                {
                    s.Repeated++;
                    continue;
                }
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
            if (segment.Anomalies.Count > 0 || segment.Transitions.Count > 0)
            {
                await CommitAsync(segment);
            }
        }
        finally
        {
            _writeLock.Release();
        }
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
    /// Writes the segment, then the head that references it and its pending notifications: the head write commits the
    /// segment. Its notifications join the outbox only once committed, so nothing is delivered that a crash could make
    /// the shard forget. When the head write fails the activation takes no more work and is dropped, so the next one
    /// starts from what is committed. Call under the write lock.
    /// </summary>
    private async Task CommitAsync(AlertSegment segment)
    {
        var s = state.State;
        await _segments.WriteNewAsync(Shard, segment);
        s.NextSequence = segment.Sequence + 1;
        s.Segments.Add(new SegmentRef(segment.Sequence, segment.WrittenAt));
        s.Notifications += segment.Notifications.Count;
        if (_sinks.Count > 0)
        {
            foreach (var notification in segment.Notifications)
            {
                s.Pending[notification.NotificationId] = [.. _sinks.Keys];
            }
        }
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            _commitFailed = true;
            DeactivateOnIdle();
            throw;
        }
        Remember(segment);
        if (_sinks.Count > 0)
        {
            foreach (var notification in segment.Notifications)
            {
                _outbox.Add(new OutboxEntry { Notification = notification, PendingSinks = [.. _sinks.Keys], EnqueuedAt = segment.WrittenAt, NextAttemptAt = segment.WrittenAt });
            }
        }
    }

    private void Remember(AlertSegment segment)
    {
        var ids = new UInt128[segment.Anomalies.Count + segment.Transitions.Count];
        for (var i = 0; i < segment.Anomalies.Count; i++)
        {
            var anomaly = segment.Anomalies[i];
            ids[i] = AlertKey(anomaly.AlertId);
            _recent.Add(anomaly);
        }
        for (var i = 0; i < segment.Transitions.Count; i++)
        {
            ids[segment.Anomalies.Count + i] = AlertKey(segment.Transitions[i].TransitionId);
        }
        _known.UnionWith(ids);
        _idsBySegment[segment.Sequence] = ids;
        var excess = _recent.Count - _options.RecentAnomalies;
        if (excess > 0)
        {
            _recent.RemoveRange(0, excess);
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
            var summaries = state.State.Folder.Expire(Now, _options.Cooldown);
            if (summaries.Count > 0)
            {
                await CommitAsync(new AlertSegment { Sequence = state.State.NextSequence, WrittenAt = Now, Notifications = summaries });
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private bool DropsExpiredSegments()
    {
        var first = state.State.Segments.FirstOrDefault();
        return first is not null && Now - first.WrittenAt > _options.DedupRetention;
    }

    /// <summary>Records which sinks accepted what, and forgets segments past the retention whose notifications were all delivered.</summary>
    private async Task SaveDeliveryAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            var s = state.State;
            var pending = _outbox.ToDictionary(e => e.Notification.NotificationId, e => e.PendingSinks.ToList());
            s.Pending = pending;
            var expired = new List<SegmentRef>();
            var pendingSegments = _outbox.Select(e => e.EnqueuedAt).DefaultIfEmpty(DateTime.MaxValue).Min();
            foreach (var kept in s.Segments)
            {
                if (Now - kept.WrittenAt <= _options.DedupRetention || kept.WrittenAt >= pendingSegments)
                {
                    break;
                }
                expired.Add(kept);
            }
            s.Segments.RemoveRange(0, expired.Count);
            await state.WriteStateAsync();
            foreach (var segment in expired)
            {
                await _segments.ClearAsync(Shard, segment.Sequence);
                if (_idsBySegment.Remove(segment.Sequence, out var ids))
                {
                    _known.ExceptWith(ids);
                }
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Notifier shard {Shard}: delivering {Count} notifications to sink {Sink} failed (attempt {Attempts}); will retry")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, long shard, string sink, int count, int attempts);
}
