using Actors.Grains.Interfaces;
using Actors.Grains.Options;
using Actors.Grains.Sinks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Orleans.Runtime;

namespace Actors.Grains.Notifier;

/// <summary>
/// One per notifier shard. Records every anomaly, folds repeats within the cooldown, and keeps each notification in a
/// persisted outbox until every configured sink accepted it; failed deliveries are retried with exponential backoff
/// and jitter. Activated at silo start (see <c>NotifierWakeup</c>) so an outbox left by a stopped silo is delivered.
/// </summary>
public sealed partial class NotifierGrain(
    [PersistentState("notifier", StorageNames.State)] IPersistentState<NotifierState> state,
    IEnumerable<INotificationSink> allSinks,
    IOptions<NotifierOptions> options,
    TimeProvider time,
    DetectionMetrics metrics,
    ILogger<NotifierGrain> logger) : Grain, INotifierGrain
{
    private readonly NotifierOptions _options = options.Value;
    private readonly Dictionary<string, INotificationSink> _sinks = allSinks
        .Where(s => options.Value.Sinks.Contains(s.Name, StringComparer.OrdinalIgnoreCase))
        .ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
    private HashSet<string>? _seen;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(DeliverAsync, new GrainTimerCreationOptions(_options.DeliveryInterval, _options.DeliveryInterval) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task Notify(Anomaly[] anomalies)
    {
        var s = state.State;
        var seen = _seen ??= s.Recent.Select(a => a.AlertId).ToHashSet();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var anomaly in anomalies)
        {
            if (!seen.Add(anomaly.AlertId))
            {
                s.Repeated++;
                continue;
            }
            s.Received++;
            s.ByType[anomaly.AnomalyType] = s.ByType.GetValueOrDefault(anomaly.AnomalyType) + 1;
            metrics.AnomalyRecorded(anomaly.AnomalyType);
            Remember(anomaly);
            if (s.Folder.Offer(anomaly, now, _options.Cooldown) is { } notification)
            {
                Enqueue(notification, now);
            }
            else
            {
                s.Folded++;
            }
        }
        await state.WriteStateAsync();
    }

    public Task<Anomaly[]> GetRecent(AlertQuery query)
    {
        var matches = new List<Anomaly>();
        for (var i = state.State.Recent.Count - 1; i >= 0 && matches.Count < query.Limit; i--)
        {
            var a = state.State.Recent[i];
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
        OutboxDepth = state.State.Outbox.Count,
        ByType = new Dictionary<AnomalyType, long>(state.State.ByType),
    });

    private void Remember(Anomaly anomaly)
    {
        var recent = state.State.Recent;
        recent.Add(anomaly);
        if (recent.Count > _options.RecentAnomalies)
        {
            _seen!.Remove(recent[0].AlertId);
            recent.RemoveAt(0);
        }
    }

    private void Enqueue(Notification notification, DateTime now)
    {
        state.State.Notifications++;
        if (_sinks.Count > 0)
        {
            state.State.Outbox.Add(new OutboxEntry { Notification = notification, PendingSinks = [.. _sinks.Keys], NextAttemptAt = now });
        }
    }

    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changed = false;
        foreach (var summary in state.State.Folder.Expire(now, _options.Cooldown))
        {
            Enqueue(summary, now);
            changed = true;
        }
        var due = state.State.Outbox.Where(e => e.NextAttemptAt <= now).ToList();
        foreach (var sinkName in due.SelectMany(e => e.PendingSinks).Distinct().ToList())
        {
            var batch = due.Where(e => e.PendingSinks.Contains(sinkName)).ToList();
            changed = true;
            try
            {
                await _sinks[sinkName].SendAsync(batch.Select(e => e.Notification).ToList(), cancellationToken);
                batch.ForEach(e => e.PendingSinks.Remove(sinkName));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                metrics.DeliveryFailed(sinkName);
                foreach (var entry in batch)
                {
                    entry.Attempts++;
                    entry.NextAttemptAt = now + Backoff(entry.Attempts);
                }
                LogDeliveryFailed(logger, ex, this.GetPrimaryKeyLong(), sinkName, batch.Count, batch.Max(e => e.Attempts));
            }
        }
        state.State.Outbox.RemoveAll(e => e.PendingSinks.Count == 0);
        metrics.OutboxDepth(this.GetPrimaryKeyLong(), state.State.Outbox.Count);
        if (changed)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var exponential = _options.RetryBaseDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = exponential < _options.RetryMaxDelay ? exponential : _options.RetryMaxDelay;
        return capped * (0.5 + Random.Shared.NextDouble() / 2);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notifier shard {Shard}: delivering {Count} notifications to sink {Sink} failed (attempt {Attempts}); will retry")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, long shard, string sink, int count, int attempts);
}
