using Actors.Detection.Device;
using Actors.Detection.EventTime;
using Actors.Grains.Interfaces;

using Orleans.Placement;
using Orleans.Runtime;

namespace Actors.Grains.Device;

/// <summary>
/// One per device. Judges batches with <see cref="DeviceDetector"/> and hands anomalies to the device's notifier shard.
/// The state is written only when a checkpoint asks for it (<see cref="Persist"/>), for an alarm change and at
/// deactivation, so writes follow the checkpoint interval, not the reading rate.
/// </summary>
/// <remarks>
/// <para>
/// The notifier shard queues the anomalies and commits them with those of other devices within
/// <c>Notifier:CommitInterval</c>; the device keeps the ticket of its latest call, and before any write of its state asks
/// the shard to make everything up to it durable (<see cref="ReadyToWriteAsync"/>), so no written state reflects an
/// anomaly that could be lost. A device with no anomalies since its last write makes no such call. When the shard lost
/// the ticket, the device writes nothing and goes back to its last written state, as when handing anomalies over fails.
/// With a commit interval of zero, <see cref="INotifierGrain.Notify"/> has them durable before <see cref="Judge"/> returns.
/// </para>
/// <para>
/// Random placement spreads the many, uniform device grains evenly over the silos; the default resource-optimized
/// placement may keep an idle cluster's devices on the silo that received the calls.
/// </para>
/// </remarks>
[RandomPlacement]
public sealed class DeviceGrain(DeviceGrainServices services) : CheckpointedGrain<DeviceState>("device"), IDeviceGrain
{
    private IGrainTimer? _alarmTimer;
    private NotifierTicket? _unflushed;

    /// <summary>The device's ID, decoded from the grain ID when needed rather than kept by each of the many activations.</summary>
    private string DeviceId => this.GetPrimaryKeyString();

    public async Task<JudgeResult> Judge(Reading[] readings, string? source = null, long? expectedMark = null)
    {
        if (source is not null && expectedMark is { } expected && State.Sources.Of(source) != expected)
        {
            return new JudgeResult { LastEventTime = State.LastEventTime, Behind = true };
        }
        var current = await services.Rules.GetAsync();
        var judged = new List<Reading>(readings.Length);
        var batchLimits = await FetchLimitsAsync(readings, judged);
        var found = new List<Anomaly>();
        var movingRanges = new double[]?[readings.Length];
        var deviceId = DeviceId;
        var (accepted, duplicates) = services.Detector.Judge(deviceId, State, readings, current, batchLimits.For, found, movingRanges);
        var transitions = services.Alarms.Observe(deviceId, State, judged, found);
        var mark = source is null ? 0 : State.Sources.Advance(source);
        var result = await CompleteAsync(accepted, duplicates, readings.Length - accepted - duplicates, found, transitions, mark);
        return result with { MovingRanges = movingRanges };
    }

    public async Task<JudgeResult> CloseWindows(DateTime watermark)
    {
        var current = await services.Rules.GetAsync();
        var found = new List<Anomaly>();
        var deviceId = DeviceId;
        services.Detector.CloseWindows(deviceId, State, watermark, current, found);
        return await CompleteAsync(0, 0, 0, found, services.Alarms.Observe(deviceId, State, [], found), 0);
    }

    public async Task<PersistResult> Persist(string? source = null, long? expectedMark = null)
    {
        if (source is not null && expectedMark is { } expected && State.Sources.Of(source) != expected)
        {
            return PersistResult.Behind;
        }
        var result = await WriteIfChangedAsync();
        if (result == PersistResult.Behind)
        {
            await GoBackAsync();
        }
        else if (State.Alarms is not null)
        {
            await services.Alarms.IndexAsync(DeviceId, State);
        }
        return result;
    }

    public Task Revert() => GoBackAsync();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        KeepAlarmTimer();
    }

    public async Task<SilenceCheck> CheckSilence(DateTime now)
    {
        var transitions = new List<AlarmTransition>();
        var check = services.Alarms.CheckSilence(DeviceId, State, now, transitions);
        if (transitions.Count > 0)
        {
            MarkChanged();
            await NotifyAsync([], [.. transitions]);
            await WriteNowAsync();
        }
        return check;
    }

    public Task<DeviceSnapshot> GetSnapshot() => Task.FromResult(State.ToSnapshot(DeviceId));

    public Task<AlarmView[]> GetAlarms() => Task.FromResult(State.Alarms?.Views(DeviceId) ?? []);

    public async Task<AlarmView> ActOnAlarm(AlarmCommand command)
    {
        var (transition, alarm) = services.Alarms.Act(DeviceId, State, command);
        MarkChanged();
        await NotifyAsync([], [transition]);
        await WriteNowAsync();
        return alarm;
    }

    private async Task<JudgeResult> CompleteAsync(int accepted, int duplicates, int outliers, List<Anomaly> found, AlarmTransition[] transitions, long mark)
    {
        services.Metrics.Judged(accepted, duplicates);
        var anomalies = found.ToArray();
        if (accepted > 0 || duplicates > 0 || outliers > 0 || anomalies.Length > 0 || transitions.Length > 0 || mark > 0)
        {
            MarkChanged();
        }
        await NotifyAsync(anomalies, transitions);
        return new JudgeResult
        {
            Accepted = accepted, Duplicates = duplicates, Outliers = outliers, Anomalies = anomalies, LastEventTime = State.LastEventTime, Mark = mark,
        };
    }

    /// <summary>
    /// Hands anomalies and alarm transitions to the notifier, then the device's alarms to their index shard; if either
    /// fails, goes back to the state last written.
    /// </summary>
    private async Task NotifyAsync(Anomaly[] anomalies, AlarmTransition[] transitions)
    {
        if (anomalies.Length == 0 && transitions.Length == 0)
        {
            return;
        }
        try
        {
            if (services.DefersNotifierCommits)
            {
                await QueueAsync(anomalies, transitions);
            }
            else
            {
                await Notifier.Notify(anomalies, transitions);
            }
            if (transitions.Length > 0)
            {
                await services.Alarms.IndexAsync(DeviceId, State);
            }
        }
        catch
        {
            // The notifier did not take them: the readings that found them are judged again when the caller re-reads
            // its source from its last checkpoint.
            await GoBackAsync();
            throw;
        }
        finally
        {
            KeepAlarmTimer();
        }
    }

    /// <summary>
    /// Queues with the notifier shard and keeps only the latest ticket: the shard commits an activation's calls in order,
    /// so that ticket covers the earlier ones unless another activation issued them; then they must be durable already.
    /// </summary>
    private async Task QueueAsync(Anomaly[] anomalies, AlarmTransition[] transitions)
    {
        var notifier = Notifier;
        var ticket = await notifier.Queue(anomalies, transitions);
        if (_unflushed is { } held && held.Activation != ticket.Activation && !await notifier.Flush(held))
        {
            throw new InvalidOperationException($"The notifier shard of device {DeviceId} lost anomalies the device had queued; the device goes back to its last written state.");
        }
        _unflushed = ticket;
    }

    /// <summary>Before the state is written, what it reflects of the anomalies handed over since the last write must be durable.</summary>
    protected override async ValueTask<bool> ReadyToWriteAsync()
    {
        if (_unflushed is not { } ticket)
        {
            return true;
        }
        if (!await Notifier.Flush(ticket))
        {
            return false;
        }
        _unflushed = null;
        return true;
    }

    /// <summary>Writes the state at once after an alarm change, which must be durable when the call returns.</summary>
    private async Task WriteNowAsync()
    {
        if (await Persist() == PersistResult.Behind)
        {
            throw new InvalidOperationException($"Device {DeviceId} went back to its last written state: its notifier shard lost anomalies it had queued. Try again.");
        }
    }

    /// <summary>Goes back to the state last written; the notifier may still commit what was queued since, which judging again notifies once.</summary>
    private async Task GoBackAsync()
    {
        await RevertAsync();
        _unflushed = null;
        KeepAlarmTimer();
    }

    private INotifierGrain Notifier => GrainFactory.GetGrain<INotifierGrain>(NotifierShard.For(DeviceId, services.NotifierShards));

    /// <summary>
    /// While the device has alarms, a timer (which keeps the grain active) ends their snoozes and sends their reminders;
    /// a device without alarms has no timer.
    /// </summary>
    private void KeepAlarmTimer()
    {
        if (State.Alarms is null)
        {
            _alarmTimer?.Dispose();
            _alarmTimer = null;
        }
        else
        {
            _alarmTimer ??= this.RegisterGrainTimer(TickAlarmsAsync, new GrainTimerCreationOptions(services.Alarms.TimerInterval, services.Alarms.TimerInterval) { KeepAlive = true });
        }
    }

    private async Task TickAlarmsAsync(CancellationToken cancellationToken)
    {
        var transitions = services.Alarms.Tick(DeviceId, State);
        if (transitions.Length > 0)
        {
            MarkChanged();
            await NotifyAsync([], transitions);
            await WriteNowAsync();
        }
    }

    /// <summary>
    /// The limits of every product and day of the readings the detector will judge (not duplicates, not outliers),
    /// from the silo's shared cache; those readings are added to <paramref name="judged"/>.
    /// </summary>
    private async Task<BatchLimits> FetchLimitsAsync(Reading[] readings, List<Reading> judged)
    {
        var last = State.LastEventTime;
        var candidate = State.OutlierCandidate;
        var batch = new BatchLimits(services.Limits.Calendar);
        foreach (var reading in readings)
        {
            if (reading.Timestamp <= last
                || EventTimeJump.IsOutlier(last, ref candidate, reading.Timestamp, services.MaxEventTimeJump))
            {
                continue;
            }
            last = reading.Timestamp;
            judged.Add(reading);
            if (reading.ProductId is not { } product)
            {
                continue;
            }
            var day = services.Limits.Calendar.DayOf(reading.Timestamp);
            if (!batch.Has(product, day))
            {
                batch.Add(product, day, await services.Limits.GetAsync(product, day));
            }
        }
        return batch;
    }
}
