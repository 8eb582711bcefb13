using Actors.Detection.Device;
using Actors.Detection.EventTime;
using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using Actors.Grains.Options;
using Actors.Grains.Rules;
using Microsoft.Extensions.Options;

using Orleans.Placement;
using Orleans.Runtime;

namespace Actors.Grains.Device;

/// <summary>
/// One per device. Judges batches with <see cref="DeviceDetector"/> and hands anomalies to the device's notifier shard,
/// which has them durably before <see cref="Judge"/> returns. The state is written only when a checkpoint asks for it
/// (<see cref="Persist"/>) and at deactivation, so writes follow the checkpoint interval, not the reading rate.
/// </summary>
/// <remarks>
/// Random placement spreads the many, uniform device grains evenly over the silos; the default resource-optimized
/// placement may keep an idle cluster's devices on the silo that received the calls.
/// </remarks>
[RandomPlacement]
public sealed class DeviceGrain(
    [PersistentState("device", StorageNames.State)] IPersistentState<DeviceState> state,
    IOptions<SpcOptions> spcSettings,
    IOptions<NotifierOptions> notifierOptions,
    IOptions<DeviceGrainOptions> deviceOptions,
    TimeProvider time,
    DetectionMetrics metrics) : Grain, IDeviceGrain
{
    private readonly DeviceDetector _detector = new(deviceOptions.Value.MaxEventTimeJump, new SeriesRulesBook(spcSettings.Value));
    private readonly SpcCalendar _calendar = SpcCalendar.FromId(spcSettings.Value.TimeZone);
    private readonly Dictionary<(string Product, DateOnly Date), CachedLimits> _limits = [];
    private readonly List<Anomaly> _found = [];
    private RulesCache? _rules;
    private bool _changed;

    private string DeviceId => field ??= this.GetPrimaryKeyString();

    public async Task<JudgeResult> Judge(Reading[] readings, DateTime? expectedLastEventTime = null)
    {
        if (expectedLastEventTime is { } expected && state.State.LastEventTime != expected)
        {
            return new JudgeResult { LastEventTime = state.State.LastEventTime, Behind = true };
        }
        var rules = await Rules.GetAsync();
        await FetchLimitsAsync(readings);
        _found.Clear();
        var (accepted, duplicates) = _detector.Judge(DeviceId, state.State, readings, rules, LimitsFor, _found);
        return await CompleteAsync(accepted, duplicates, readings.Length - accepted - duplicates);
    }

    public async Task<JudgeResult> CloseWindows(DateTime watermark)
    {
        var rules = await Rules.GetAsync();
        _found.Clear();
        _detector.CloseWindows(DeviceId, state.State, watermark, rules, _found);
        return await CompleteAsync(0, 0, 0);
    }

    public async Task<PersistResult> Persist(DateTime? expectedLastEventTime = null)
    {
        if (expectedLastEventTime is { } expected && state.State.LastEventTime != expected)
        {
            return PersistResult.Behind;
        }
        if (!_changed)
        {
            return PersistResult.Unchanged;
        }
        await state.WriteStateAsync();
        _changed = false;
        return PersistResult.Written;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await Persist();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task<DeviceSnapshot> GetSnapshot() => Task.FromResult(state.State.ToSnapshot(DeviceId));

    private RulesCache Rules => _rules ??= new RulesCache(GrainFactory, time, deviceOptions.Value.RulesRefreshInterval);

    private async Task<JudgeResult> CompleteAsync(int accepted, int duplicates, int outliers)
    {
        metrics.Judged(accepted, duplicates);
        var anomalies = _found.ToArray();
        _found.Clear();
        _changed |= accepted > 0 || duplicates > 0 || outliers > 0 || anomalies.Length > 0;
        if (anomalies.Length > 0)
        {
            try
            {
                var shard = NotifierShard.For(DeviceId, notifierOptions.Value.Shards);
                await GrainFactory.GetGrain<INotifierGrain>(shard).Notify(anomalies);
            }
            catch
            {
                await RevertAsync();
                throw;
            }
        }
        return new JudgeResult
        {
            Accepted = accepted, Duplicates = duplicates, Outliers = outliers, Anomalies = anomalies, LastEventTime = state.State.LastEventTime,
        };
    }

    /// <summary>
    /// Goes back to the state last written: the notifier did not take the anomalies, so the readings that found them
    /// must be judged again when the caller re-reads its source from its last checkpoint.
    /// </summary>
    private async Task RevertAsync()
    {
        await state.ReadStateAsync();
        _changed = false;
    }

    /// <summary>Fetches the limits of the readings the detector will judge: not duplicates, not outliers.</summary>
    private async Task FetchLimitsAsync(Reading[] readings)
    {
        var last = state.State.LastEventTime;
        var candidate = state.State.OutlierCandidate;
        var now = time.GetUtcNow();
        foreach (var reading in readings)
        {
            if (reading.Timestamp <= last
                || EventTimeJump.IsOutlier(last, ref candidate, reading.Timestamp, deviceOptions.Value.MaxEventTimeJump))
            {
                continue;
            }
            last = reading.Timestamp;
            if (reading.ProductId is not { } product)
            {
                continue;
            }
            var key = (product, _calendar.DayOf(reading.Timestamp));
            if (_limits.TryGetValue(key, out var cached) && now - cached.FetchedAt < deviceOptions.Value.LimitsRefreshInterval)
            {
                continue;
            }
            var limits = await GrainFactory.GetGrain<IProductGrain>(product).GetLimits(key.Item2);
            _limits[key] = new CachedLimits(limits, now);
            EvictDaysBefore(SpcCalendar.AddDays(key.Item2, -2));
        }
    }

    private ControlLimits[]? LimitsFor(string productId, DateTime utc) =>
        _limits.TryGetValue((productId, _calendar.DayOf(utc)), out var cached) ? cached.Limits : null;

    private void EvictDaysBefore(DateOnly oldest)
    {
        foreach (var key in _limits.Keys.Where(k => k.Date < oldest).ToList())
        {
            _limits.Remove(key);
        }
    }

    private sealed record CachedLimits(ControlLimits[] Limits, DateTimeOffset FetchedAt);
}
