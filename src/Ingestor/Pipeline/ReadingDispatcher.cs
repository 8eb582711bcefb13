using System.Globalization;
using System.Runtime.ExceptionServices;
using Actors.Detection.EventTime;
using Actors.Detection.Spc;
using Actors.Grains.Interfaces;

namespace Actors.Ingestor.Pipeline;

/// <summary>
/// Routes the batches read from one source to the grains and is the checkpoint barrier of that source. A batch goes
/// first to the device grains, one call per device, in parallel across devices and in input order within a device, then
/// to the product grains, one call per product, with the moving range of each value that its device answered (so a
/// product keeps nothing per device). A batch is sent in runs that end where a later 15-minute bucket of event time
/// starts, so a day's limits, asked for by the first device that judges a reading of that day, see every earlier
/// reading and moving range. Grains keep what they took in memory; <see cref="CheckpointAsync(bool)"/> asks every grain the
/// source touched since the last checkpoint to write its state, and only after that may the source's own checkpoint
/// move.
/// </summary>
/// <remarks>
/// A product counts only the readings its device will judge: the dispatcher remembers each device's latest event time
/// in this source and leaves out of the product batches the readings the device will drop as duplicate or late (the
/// device's own rule, applied to the source in order). On a rewind it goes back to what it remembered at the last
/// checkpoint, not to what the devices answer: a product reloaded from storage must be offered every re-read reading.
/// After a restart it knows nothing yet, so a device's exact repeat of a reading from before that point may be counted
/// once more by its product, without a moving range.
/// </remarks>
/// <remarks>
/// Each call carries what the grain answered to the previous call since the checkpoint, so a grain that was reloaded
/// from storage in between (its silo died) answers "behind" instead of silently missing readings; the caller then
/// reads the source again from its checkpoint (<see cref="Rewind"/>): every device the source touched since goes back
/// to its written state first, products that kept their state drop the re-read readings by their position, and the
/// devices judge them again, so the same anomalies, with the same IDs, and the same moving ranges come out.
/// </remarks>
/// <param name="grains">Where the grains are.</param>
/// <param name="source">The source's name; null for a source read once.</param>
/// <param name="noDataOnEventTime">Whether the no-data watch runs on the event time read (replay) rather than the wall clock (<see cref="LastSeenFeed"/>).</param>
/// <param name="calls">Bounds the grain calls in flight, shared by the sources of one process that read at once; a gate of its own when null.</param>
public sealed class ReadingDispatcher(IGrainFactory grains, string? source = null, bool noDataOnEventTime = false, GrainCallGate? calls = null)
{
    private readonly GrainCallGate _calls = calls ?? new GrainCallGate();
    private readonly LastSeenFeed _lastSeen = new(grains, noDataOnEventTime);
    private readonly Dictionary<string, long?> _devices = [];
    private readonly Dictionary<string, string?> _products = [];
    private readonly Dictionary<string, DateTime> _latest = [];
    private Dictionary<string, DateTime> _latestAtCheckpoint = [];
    private readonly Dictionary<string, DateTime> _batchLatest = [];
    private readonly HashSet<string> _rewound = [];

    /// <summary>
    /// The device grain type, resolved once: <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string)"/>
    /// resolves it from the interface's attributes on every call, which a fleet's thin calls felt (about 5 % of a
    /// replay's CPU at 5,000 devices); a reference made from a <see cref="GrainId"/> skips that, and keeping a reference
    /// per device instead cost memory per device for as long as the source is read. Resolved at first use: a cluster
    /// client resolves a grain interface only once it has the cluster's manifest.
    /// </summary>
    private readonly Lazy<GrainType> _deviceGrainType = new(() => grains.GetGrain<IDeviceGrain>("device").GetGrainId().Type);
    private long _ordinal;

    /// <summary>The source's name; a source read once (a file, the simulator) gets a name unique to this dispatcher.</summary>
    public string Source { get; } = source ?? $"run:{Guid.NewGuid():N}";

    /// <summary>Device grains that took readings since the last checkpoint.</summary>
    public int PendingDevices => _devices.Count;

    /// <summary>Where the latency from reading a record to the notifier accepting an alert of its reading goes; none when null.</summary>
    public AlertLatencyMetrics? Latency { get; init; }

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
    /// Dispatches readings with their positions in the source (increasing; see <see cref="SourcePosition"/>), in runs
    /// that end where a reading is in a later 15-minute bucket (<see cref="ProductHistory.BucketStart"/>) than every
    /// reading of the run before it. A device call that fails because of what it was sent
    /// (<see cref="GrainCallFailure.IsCausedByInput"/>) fails only its device's readings: the other grains' results count,
    /// and every reading of that device from then on comes back in <see cref="BatchOutcome.Failed"/>, to be sent again (a
    /// failed call is expected to have changed nothing). Any other failure, and any failure of a product call (its
    /// devices have judged its readings already), is thrown. With <see cref="Latency"/>, <paramref name="readAt"/> says when
    /// each record was read (<see cref="AlertLatencyMetrics.Now"/>).
    /// </summary>
    public async Task<BatchOutcome> DispatchAsync(IReadOnlyList<Reading> readings, IReadOnlyList<string> positions, IReadOnlyList<long>? readAt = null)
    {
        await RevertRewoundDevicesAsync();
        var held = new HashSet<string>(StringComparer.Ordinal);
        var accepted = 0;
        var duplicates = 0;
        var outliers = 0;
        var anomalies = new List<Anomaly>();
        var failed = new List<int>();
        var failures = new List<GrainCallFailure>();
        for (var start = 0; start < readings.Count;)
        {
            var end = EndOfRun(readings, start);
            var run = await DispatchRunAsync(readings, positions, readAt, start, end, held);
            if (run.Behind)
            {
                return run;
            }
            accepted += run.Accepted;
            duplicates += run.Duplicates;
            outliers += run.Outliers;
            anomalies.AddRange(run.Anomalies);
            failed.AddRange(run.Failed);
            failures.AddRange(run.Failures);
            start = end;
        }
        return new BatchOutcome(accepted, duplicates, anomalies, outliers) { Failed = failed, Failures = failures };
    }

    /// <summary>
    /// Where the last run of <paramref name="readings"/> (as <see cref="DispatchAsync(IReadOnlyList{Reading}, IReadOnlyList{string}, IReadOnlyList{long}?)"/>
    /// splits them) starts: 0 when they are one run.
    /// </summary>
    public static int StartOfLastRun(IReadOnlyList<Reading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var last = 0;
        for (var start = 0; start < readings.Count; start = EndOfRun(readings, start))
        {
            last = start;
        }
        return last;
    }

    /// <summary>
    /// Where the run from <paramref name="start"/> ends: before the first reading in a later bucket than the run's
    /// first reading (whose bucket is then the latest of the run). Every day starts on a bucket boundary, so every reading
    /// before a day's first reading, with its moving ranges, has reached the products before any device asks for that
    /// day's limits.
    /// </summary>
    private static int EndOfRun(IReadOnlyList<Reading> readings, int start)
    {
        var bucket = ProductHistory.BucketStart(readings[start].Timestamp);
        var end = start + 1;
        while (end < readings.Count && ProductHistory.BucketStart(readings[end].Timestamp) <= bucket)
        {
            end++;
        }
        return end;
    }

    /// <summary>
    /// Sends the readings in [<paramref name="start"/>, <paramref name="end"/>) to their devices, then those the devices
    /// judge to their products with the moving ranges the devices answered. Devices in <paramref name="held"/> (failed
    /// earlier in the batch) are not called: their readings fail, in order, so they can be sent again.
    /// </summary>
    private async Task<BatchOutcome> DispatchRunAsync(
        IReadOnlyList<Reading> readings, IReadOnlyList<string> positions, IReadOnlyList<long>? readAt, int start, int end, HashSet<string> held)
    {
        var byDevice = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var forProducts = new List<int>();
        var failed = new List<int>();
        _batchLatest.Clear();
        for (var i = start; i < end; i++)
        {
            var reading = readings[i];
            if (held.Contains(reading.DeviceId))
            {
                failed.Add(i);
                continue;
            }
            if (WillJudge(reading) && reading.ProductId is not null)
            {
                forProducts.Add(i);
            }
            if (!byDevice.TryGetValue(reading.DeviceId, out var indices))
            {
                byDevice[reading.DeviceId] = indices = [];
            }
            indices.Add(i);
        }

        var calls = byDevice.ToList();
        foreach (var (device, _) in calls)
        {
            _devices.TryAdd(device, null);
        }
        var judged = await _calls.CallEachAsync(calls, d => CallAsync($"device {d.Key}", () => JudgeAsync(d.Key, d.Value, readings, readAt)));
        var movingRanges = new double[]?[end - start];
        var succeeded = new List<(string Device, JudgeResult Result)>(judged.Length);
        List<GrainCallFailure>? failures = null;
        foreach (var ((device, indices), (result, failure)) in calls.Zip(judged))
        {
            if (failure is not null)
            {
                (failures ??= []).Add(failure);
                held.Add(device);
                failed.AddRange(indices);
                continue;
            }
            succeeded.Add((device, result!));
            for (var k = 0; k < indices.Count && k < result!.MovingRanges.Length; k++)
            {
                movingRanges[indices[k] - start] = result.MovingRanges[k];
            }
        }
        var outcome = Combine([.. succeeded], judged: true);
        ThrowIfNotCausedByInput(failures);
        if (outcome.Behind)
        {
            return outcome;
        }
        foreach (var (device, latest) in _batchLatest)
        {
            if (!held.Contains(device))
            {
                _latest[device] = latest;
            }
        }

        var byProduct = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var i in forProducts)
        {
            if (!held.Contains(readings[i].DeviceId))
            {
                var product = readings[i].ProductId!;
                if (!byProduct.TryGetValue(product, out var indices))
                {
                    byProduct[product] = indices = [];
                }
                indices.Add(i);
            }
        }
        var counted = await _calls.CallEachAsync([.. byProduct], p => grains.GetGrain<IProductGrain>(p.Key).Accumulate(new ProductBatch
        {
            Source = Source,
            Readings = [.. p.Value.Select(i => readings[i])],
            Positions = [.. p.Value.Select(i => positions[i])],
            MovingRanges = [.. p.Value.Select(i => movingRanges[i - start])],
            ExpectedPosition = _products.GetValueOrDefault(p.Key),
        }));
        var behind = false;
        foreach (var (product, result) in byProduct.Keys.Zip(counted))
        {
            _products[product] = result.Position;
            behind |= result.Behind;
        }
        if (behind)
        {
            return new BatchOutcome(0, 0, [], Behind: true);
        }
        failed.Sort();
        return outcome with { Failed = failed, Failures = failures ?? [] };
    }

    /// <summary>Sends a device its readings of the run (by index) and records the latency of the alerts it found.</summary>
    private async Task<JudgeResult> JudgeAsync(string device, List<int> indices, IReadOnlyList<Reading> readings, IReadOnlyList<long>? readAt)
    {
        var sent = new Reading[indices.Count];
        for (var i = 0; i < sent.Length; i++)
        {
            sent[i] = readings[indices[i]];
        }
        var result = await DeviceGrain(device).Judge(sent, Source, _devices.GetValueOrDefault(device));
        if (Latency is { } latency && readAt is not null)
        {
            foreach (var anomaly in result.Anomalies)
            {
                latency.AlertAccepted(readAt[indices[RevealedBy(anomaly, sent)]]);
            }
        }
        return result;
    }

    /// <summary>
    /// The reading of a call that revealed an anomaly: the first at or after the event time it was detected at (its own
    /// reading, or the reading that closed its z-score window); the last of the call for a window closed by the clock.
    /// </summary>
    private static int RevealedBy(Anomaly anomaly, Reading[] sent)
    {
        var detected = anomaly.DetectedAt ?? anomaly.TargetTime;
        var index = Array.FindIndex(sent, reading => reading.Timestamp >= detected);
        return index < 0 ? sent.Length - 1 : index;
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
        await RevertRewoundDevicesAsync();
        var closed = await _calls.CallEachAsync([.. deviceIds], async id => (Device: id, Result: await DeviceGrain(id).CloseWindows(watermark)));
        return Combine(closed, judged: false);
    }

    /// <summary>
    /// Asks every product, then every device grain the source touched since the last checkpoint to write its state
    /// (each device has its notifier shard commit its anomalies first), then hands the devices' latest readings to the
    /// no-data watch. The source's own checkpoint may move after, unless a grain answered "behind": then it must stay,
    /// and the source be read again from it (<see cref="Rewind"/>).
    /// </summary>
    /// <param name="last">The source's last checkpoint (the end of a run, a stopping reader): products write their chart points too.</param>
    public async Task<CheckpointOutcome> CheckpointAsync(bool last = false) => (await CheckpointAsync([this], last))[0];

    /// <summary>
    /// The checkpoint of several sources taken together (<see cref="CheckpointAsync(bool)"/> of each): a product any of them
    /// touched is asked once, for all of them, so the shards one worker reads checkpoint a product once per interval
    /// rather than once each. The outcomes are in the order of <paramref name="sources"/>; a source a grain is behind
    /// for must be read again, the others' checkpoints may move.
    /// </summary>
    /// <param name="sources">The sources.</param>
    /// <param name="last">The last checkpoint of one of them: products write their chart points too.</param>
    public static async Task<CheckpointOutcome[]> CheckpointAsync(IReadOnlyList<ReadingDispatcher> sources, bool last = false)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            return [];
        }
        await Task.WhenAll(sources.Select(source => source.RevertRewoundDevicesAsync()));
        var expected = new Dictionary<string, (int FirstSource, Dictionary<string, string?> Positions)>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            foreach (var (product, position) in sources[i]._products)
            {
                if (!expected.TryGetValue(product, out var asked))
                {
                    expected[product] = asked = (i, new Dictionary<string, string?>(StringComparer.Ordinal));
                }
                asked.Positions[sources[i].Source] = position;
            }
        }
        var first = sources[0];
        var askedProducts = expected.ToList();
        var products = await first._calls.CallEachAsync(askedProducts, p => first.ProductGrain(p.Key).Persist(p.Value.Positions, last));
        var devices = await Task.WhenAll(sources.Select(source => source._calls.CallEachAsync([.. source._devices], d => source.DeviceGrain(d.Key).Persist(source.Source, d.Value))));
        var writes = devices.Select(results => results.Count(r => r == PersistResult.Written)).ToArray();
        var behind = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (product, result) in askedProducts.Zip(products))
        {
            writes[product.Value.FirstSource] += result.Result == PersistResult.Written ? 1 : 0;
            behind.UnionWith(result.Behind);
        }
        var outcomes = new CheckpointOutcome[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            outcomes[i] = new CheckpointOutcome(writes[i], behind.Contains(sources[i].Source) || devices[i].Contains(PersistResult.Behind));
        }
        await Task.WhenAll(sources.Where((_, i) => !outcomes[i].Behind).Select(source => source.CheckpointTakenAsync()));
        return outcomes;
    }

    /// <summary>Every grain wrote what this source sent it: the no-data watch gets the devices' latest readings, and nothing is pending.</summary>
    private async Task CheckpointTakenAsync()
    {
        await _lastSeen.FlushAsync();
        _products.Clear();
        _devices.Clear();
        _latestAtCheckpoint = new Dictionary<string, DateTime>(_latest);
    }

    /// <summary>
    /// The source is read again from its last checkpoint: expect nothing of the grains any more, but keep them touched
    /// so the next checkpoint still writes what they took, judge the devices' readings by what the source had read
    /// up to that checkpoint, and, before anything else reaches them, send the devices touched since back to their
    /// written state, so they judge the re-read readings again and answer their moving ranges to the products again.
    /// </summary>
    public void Rewind()
    {
        _rewound.UnionWith(_devices.Keys);
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

    private async Task RevertRewoundDevicesAsync()
    {
        if (_rewound.Count > 0)
        {
            await _calls.CallEachAsync([.. _rewound], device => DeviceGrain(device).Revert());
            _rewound.Clear();
        }
    }

    private IProductGrain ProductGrain(string productId) => grains.GetGrain<IProductGrain>(productId);

    private IDeviceGrain DeviceGrain(string deviceId) => grains.GetGrain<IDeviceGrain>(GrainId.Create(_deviceGrainType.Value, deviceId));

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
