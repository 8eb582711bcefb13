using System.Globalization;
using System.Runtime.ExceptionServices;
using Actors.Detection.EventTime;
using Actors.Grains.Interfaces;

namespace Actors.Ingestor.Pipeline;

/// <summary>
/// Routes the batches read from one source to the grains and is the checkpoint barrier of that source. A batch goes
/// first to the product grains, one call per product (so a day's limits see every earlier reading), then to the device
/// grains, one call per device, in parallel across devices and in input order within a device. Grains keep what they
/// took in memory; <see cref="CheckpointAsync"/> asks every grain the source touched since the last checkpoint to
/// write its state, and only after that may the source's own checkpoint move.
/// </summary>
/// <remarks>
/// A product counts only the readings its device will judge: the dispatcher remembers each device's latest event time
/// in this source and leaves out of the product batches the readings the device will drop as duplicate or late (the
/// device's own rule, applied to the source in order). On a rewind it goes back to what it remembered at the last
/// checkpoint, not to what the devices answer: a device that kept its state is ahead of the re-read readings, and a
/// product reloaded from storage must still be offered them. After a restart it knows nothing yet, so a device's exact
/// repeat of a reading from before that point may be counted once more by its product.
/// </remarks>
/// <remarks>
/// Each call carries what the grain answered to the previous call since the checkpoint, so a grain that was reloaded
/// from storage in between (its silo died) answers "behind" instead of silently missing readings; the caller then
/// reads the source again from its checkpoint (<see cref="Rewind"/>): grains that kept their state drop the readings
/// again by their position (products) or event time (devices), the reloaded ones take them again, and the same
/// anomalies, with the same IDs, come out.
/// </remarks>
/// <param name="grains">Where the grains are.</param>
/// <param name="source">The source's name; null for a source read once.</param>
/// <param name="noDataOnEventTime">Whether the no-data watch runs on the event time read (replay) rather than the wall clock (<see cref="LastSeenFeed"/>).</param>
public sealed class ReadingDispatcher(IGrainFactory grains, string? source = null, bool noDataOnEventTime = false)
{
    private readonly LastSeenFeed _lastSeen = new(grains, noDataOnEventTime);
    private readonly Dictionary<string, long?> _devices = [];
    private readonly Dictionary<string, string?> _products = [];
    private readonly Dictionary<string, DateTime> _latest = [];
    private Dictionary<string, DateTime> _latestAtCheckpoint = [];
    private readonly Dictionary<string, DateTime> _batchLatest = [];
    private long _ordinal;

    /// <summary>The source's name; a source read once (a file, the simulator) gets a name unique to this dispatcher.</summary>
    public string Source { get; } = source ?? $"run:{Guid.NewGuid():N}";

    /// <summary>Device grains that took readings since the last checkpoint.</summary>
    public int PendingDevices => _devices.Count;

    /// <summary>
    /// Dispatches readings of a source read once; their positions are their ordinals in this dispatcher (formatted only
    /// for readings with a product: only product grains read positions).
    /// </summary>
    public Task<BatchOutcome> DispatchAsync(IReadOnlyList<Reading> readings)
    {
        var positions = new string[readings.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            ++_ordinal;
            positions[i] = readings[i].ProductId is null ? "" : _ordinal.ToString(CultureInfo.InvariantCulture);
        }
        return DispatchAsync(readings, positions);
    }

    /// <summary>
    /// Dispatches readings with their positions in the source (increasing; see <see cref="SourcePosition"/>). A grain call
    /// that fails because of what it was sent (<see cref="GrainCallFailure.IsCausedByInput"/>) fails only its own
    /// readings: the other grains' results count, and the readings no grain took (those of a failed product, and every
    /// reading of a device that failed or had one of them) come back in <see cref="BatchOutcome.Failed"/>, to be sent
    /// again (a failed call is expected to have changed nothing). Any other failure is thrown.
    /// </summary>
    public async Task<BatchOutcome> DispatchAsync(IReadOnlyList<Reading> readings, IReadOnlyList<string> positions)
    {
        var byProduct = new Dictionary<string, (List<Reading> Readings, List<string> Positions)>();
        var byDevice = new Dictionary<string, List<Reading>>();
        _batchLatest.Clear();
        for (var i = 0; i < readings.Count; i++)
        {
            var reading = readings[i];
            if (WillJudge(reading) && reading.ProductId is { } product)
            {
                if (!byProduct.TryGetValue(product, out var group))
                {
                    byProduct[product] = group = ([], []);
                }
                group.Readings.Add(reading);
                group.Positions.Add(positions[i]);
            }
            if (!byDevice.TryGetValue(reading.DeviceId, out var deviceGroup))
            {
                byDevice[reading.DeviceId] = deviceGroup = [];
            }
            deviceGroup.Add(reading);
        }
        foreach (var (device, latest) in _batchLatest)
        {
            _latest[device] = latest;
        }

        var counted = await Task.WhenAll(byProduct.Select(p => CallAsync($"product {p.Key}", () => grains.GetGrain<IProductGrain>(p.Key).Accumulate(new ProductBatch
        {
            Source = Source,
            Readings = [.. p.Value.Readings],
            Positions = [.. p.Value.Positions],
            ExpectedPosition = _products.GetValueOrDefault(p.Key),
        }))));
        var behind = false;
        List<GrainCallFailure>? failures = null;
        HashSet<string>? held = null;
        foreach (var (product, (result, failure)) in byProduct.Keys.Zip(counted))
        {
            if (failure is not null)
            {
                (failures ??= []).Add(failure);
                held ??= new HashSet<string>(StringComparer.Ordinal);
                held.UnionWith(byProduct[product].Readings.Select(r => r.DeviceId));
                continue;
            }
            _products[product] = result!.Position;
            behind |= result.Behind;
        }
        ThrowIfNotCausedByInput(failures);
        if (behind)
        {
            return new BatchOutcome(0, 0, [], Behind: true);
        }

        var calls = byDevice.Where(d => held is null || !held.Contains(d.Key)).ToList();
        var judged = await Task.WhenAll(calls.Select(d =>
            CallAsync($"device {d.Key}", () => grains.GetGrain<IDeviceGrain>(d.Key).Judge([.. d.Value], Source, _devices.GetValueOrDefault(d.Key)))));
        var succeeded = new List<(string Device, JudgeResult Result)>(judged.Length);
        foreach (var ((device, _), (result, failure)) in calls.Zip(judged))
        {
            if (failure is null)
            {
                succeeded.Add((device, result!));
                continue;
            }
            (failures ??= []).Add(failure);
            (held ??= new HashSet<string>(StringComparer.Ordinal)).Add(device);
        }
        var outcome = Combine([.. succeeded], judged: true);
        ThrowIfNotCausedByInput(failures);
        if (failures is null)
        {
            return outcome;
        }
        var failed = new List<int>();
        for (var i = 0; i < readings.Count; i++)
        {
            if (held!.Contains(readings[i].DeviceId))
            {
                failed.Add(i);
            }
        }
        return outcome with { Failed = failed, Failures = failures };
    }

    /// <summary>A failure of the cluster or storage (not of what was sent) fails the whole batch, as it always did.</summary>
    private static void ThrowIfNotCausedByInput(List<GrainCallFailure>? failures)
    {
        if (failures?.FirstOrDefault(f => !f.IsCausedByInput) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure.Exception);
        }
    }

    private static async Task<(T? Result, GrainCallFailure? Failure)> CallAsync<T>(string grain, Func<Task<T>> call)
        where T : class
    {
        try
        {
            return (await call(), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, new GrainCallFailure(grain, ex));
        }
    }

    /// <summary>
    /// Whether the reading's device will judge it: it is later than every reading of the device before it, and not so far
    /// ahead of them that the device sets it aside as an outlier (<see cref="EventTimeJump"/>).
    /// </summary>
    private bool WillJudge(Reading reading)
    {
        if ((_batchLatest.TryGetValue(reading.DeviceId, out var latest) || _latest.TryGetValue(reading.DeviceId, out latest))
            && (reading.Timestamp <= latest || reading.Timestamp - latest > EventTimeJump.DefaultMaxJump))
        {
            return false;
        }
        _batchLatest[reading.DeviceId] = reading.Timestamp;
        _lastSeen.Saw(reading);
        return true;
    }

    /// <summary>Closes every open z-score window of the given devices up to <paramref name="watermark"/>.</summary>
    public async Task<BatchOutcome> CloseWindowsAsync(IEnumerable<string> deviceIds, DateTime watermark)
    {
        var closed = await Task.WhenAll(deviceIds.Select(async id => (Device: id, Result: await grains.GetGrain<IDeviceGrain>(id).CloseWindows(watermark))));
        return Combine(closed, judged: false);
    }

    /// <summary>
    /// Asks every product, then every device grain the source touched since the last checkpoint to write its state
    /// (anomalies are with the notifier already), then hands the devices' latest readings to the no-data watch. The source's own checkpoint may move after, unless a grain answered
    /// "behind": then it must stay, and the source be read again from it (<see cref="Rewind"/>).
    /// </summary>
    public async Task<CheckpointOutcome> CheckpointAsync()
    {
        var products = await Task.WhenAll(_products.Select(p => grains.GetGrain<IProductGrain>(p.Key).Persist(Source, p.Value)));
        var devices = await Task.WhenAll(_devices.Select(d => grains.GetGrain<IDeviceGrain>(d.Key).Persist(Source, d.Value)));
        var outcome = new CheckpointOutcome(
            products.Count(r => r == PersistResult.Written) + devices.Count(r => r == PersistResult.Written),
            products.Contains(PersistResult.Behind) || devices.Contains(PersistResult.Behind));
        if (!outcome.Behind)
        {
            await _lastSeen.FlushAsync();
            _products.Clear();
            _devices.Clear();
            _latestAtCheckpoint = new Dictionary<string, DateTime>(_latest);
        }
        return outcome;
    }

    /// <summary>
    /// The source is read again from its last checkpoint: expect nothing of the grains any more, but keep them touched
    /// so the next checkpoint still writes what they took, and judge the devices' readings by what the source had read
    /// up to that checkpoint.
    /// </summary>
    public void Rewind()
    {
        _latest.Clear();
        foreach (var (device, latest) in _latestAtCheckpoint)
        {
            _latest[device] = latest;
        }
        foreach (var key in _products.Keys)
        {
            _products[key] = null;
        }
        foreach (var key in _devices.Keys)
        {
            _devices[key] = null;
        }
    }

    /// <summary>Adds up the results; after <see cref="IDeviceGrain.Judge"/> calls (<paramref name="judged"/>) it also remembers each device's mark.</summary>
    private BatchOutcome Combine((string Device, JudgeResult Result)[] results, bool judged)
    {
        var accepted = 0;
        var duplicates = 0;
        var outliers = 0;
        var behind = false;
        var anomalies = new List<Anomaly>();
        foreach (var (device, result) in results)
        {
            accepted += result.Accepted;
            duplicates += result.Duplicates;
            outliers += result.Outliers;
            anomalies.AddRange(result.Anomalies);
            behind |= result.Behind;
            if (judged)
            {
                _devices[device] = result.Behind ? null : result.Mark;
            }
            else
            {
                _devices.TryAdd(device, null);
            }
        }
        return new BatchOutcome(accepted, duplicates, anomalies, outliers, behind);
    }
}
