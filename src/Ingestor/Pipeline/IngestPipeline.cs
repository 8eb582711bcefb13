using System.Collections;
using System.Runtime.InteropServices;
using System.Text.Json;
using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Actors.Ingestor.DeadLetters;

namespace Actors.Ingestor.Pipeline;

/// <summary>
/// The one way records become judged readings, whatever feeds them (a file, the simulator, a Kinesis shard): parses
/// each record, rejects what is not a reading (counted, logged with its origin, dead-lettered when a sink is given),
/// batches the readings, sends each batch through the source's <see cref="ReadingDispatcher"/> (the next batch is
/// parsed while the previous one is with the grains; batches reach the grains one after the other), counts what the
/// grains did, and is the source's checkpoint barrier (<see cref="CheckpointAsync(bool)"/>).
/// </summary>
/// <remarks>
/// A source read once runs through <see cref="RunAsync"/>, which ends a batch where a checkpoint falls due, takes the
/// checkpoint once that batch is judged, and takes a last one at the end. A Kinesis shard adds its pages with
/// <see cref="AddAsync"/> and <see cref="FlushAsync"/>, takes the checkpoints itself (the lease grain records the shard's
/// position after the barrier) and goes back with <see cref="Rewind"/>.
/// </remarks>
public sealed class IngestPipeline
{
    private readonly ReadingParser _parser;
    private readonly RejectionLog _rejections;
    private readonly ReadingDispatcher _dispatcher;
    private readonly CheckpointSchedule _schedule;
    private readonly int _batchSize;
    private readonly AlertLatencyMetrics? _latency;
    private HashSet<string>? _devices;
    private Batch _held;
    private List<DeadLetter>? _letters;
    private (Task Dispatched, Batch Batch)? _inFlight;

    /// <summary>
    /// The lists of the last batch the grains are done with, emptied for the batch after next: a batch of a fleet's
    /// replay holds hundreds of thousands of readings, and growing new lists for each one was a sixth of what a replay
    /// allocated (all of it on the large object heap).
    /// </summary>
    private Batch? _spare;

    /// <param name="grains">Where the grains are.</param>
    /// <param name="parser">Turns records into readings.</param>
    /// <param name="rejections">Counts and logs rejected records.</param>
    /// <param name="batchSize">Readings per batch.</param>
    /// <param name="checkpoints">When a checkpoint is due.</param>
    /// <param name="time">The clock of <paramref name="checkpoints"/>.</param>
    /// <param name="source">The source's name for the grains, for a source read again after a failure (a shard); null for one read once.</param>
    /// <param name="noDataOnEventTime">True for a replay: the no-data watch runs on the event time read, not the wall clock.</param>
    /// <param name="latency">Where the latency from reading a record to the notifier accepting an alert of its reading goes; none when null.</param>
    /// <param name="grainCalls">Bounds the grain calls in flight, shared with the other sources the process reads at once; a gate of its own when null.</param>
    public IngestPipeline(
        IGrainFactory grains, ReadingParser parser, RejectionLog rejections, int batchSize, CheckpointOptions checkpoints, TimeProvider time, string? source = null,
        bool noDataOnEventTime = false, AlertLatencyMetrics? latency = null, GrainCallGate? grainCalls = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _parser = parser;
        _rejections = rejections;
        _batchSize = batchSize;
        _latency = latency;
        _dispatcher = new ReadingDispatcher(grains, source, noDataOnEventTime, grainCalls) { Latency = latency };
        _schedule = new CheckpointSchedule(checkpoints, time);
        _held = NewBatch();
    }

    /// <summary>What was read, accepted, rejected and found.</summary>
    public RunSummary Summary { get; init; } = new();

    /// <summary>Where rejected records go, besides the log; none by default.</summary>
    public IDeadLetterSink? DeadLetters { get; init; }

    /// <summary>Called with the reason of every rejected record (metrics).</summary>
    public Action<RejectReason>? Rejected { get; init; }

    /// <summary>Called, in source order, with what the grains did with each batch (and with the last windows closed).</summary>
    public Func<BatchOutcome, Task>? Judged { get; init; }

    /// <summary>Whether the checkpoint interval (or record count) has passed since the last checkpoint.</summary>
    public bool CheckpointDue => _schedule.Due;

    /// <summary>
    /// Reads <paramref name="source"/> to its end: checkpoints between batches when one is due, closes every open z-score
    /// window at the end so the last windows are judged too, and takes a last checkpoint. When
    /// <paramref name="cancellationToken"/> stops it, what was read is judged and checkpointed; returns false then.
    /// </summary>
    /// <exception cref="GrainStateLostException">A grain lost what it took since the last checkpoint (a silo failed).</exception>
    public async Task<bool> RunAsync(IRecordSource source, CancellationToken cancellationToken)
    {
        var completed = true;
        _devices = new HashSet<string>(StringComparer.Ordinal);
        var records = source.ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (records.ConfigureAwait(false))
        {
            try
            {
                while (true)
                {
                    var next = records.MoveNextAsync();
                    if (source.Paced && !next.IsCompleted)
                    {
                        await FlushAsync();
                    }
                    if (!await next)
                    {
                        break;
                    }
                    await ParseAsync(records.Current, checkpointWhenDue: true);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                completed = false;
            }
        }
        await FlushAsync();
        if (completed)
        {
            await RecordAsync(await _dispatcher.CloseWindowsAsync(_devices, DateTime.MaxValue));
        }
        (await CheckpointAsync(last: true)).ThrowIfBehind();
        return completed;
    }

    /// <summary>Parses one record; sends the batch when it is full. Does not take checkpoints (the caller does).</summary>
    public ValueTask AddAsync(SourceRecord record) => ParseAsync(record, checkpointWhenDue: false);

    /// <summary>Sends the readings held and waits until the grains judged every batch sent.</summary>
    /// <exception cref="GrainStateLostException">A grain lost what it took since the last checkpoint: read the source again from there (<see cref="Rewind"/>).</exception>
    public async Task FlushAsync()
    {
        if (_held.Readings.Count > 0 || _letters is not null)
        {
            await SendAsync(checkpointWhenDue: false, carryLastRun: false);
        }
        await CompleteInFlightAsync();
    }

    /// <summary>
    /// The checkpoint barrier: asks every grain that took readings since the last checkpoint to write its state. The
    /// source's own checkpoint may move after, unless the outcome says a grain is behind. Call after <see cref="FlushAsync"/>.
    /// </summary>
    /// <param name="last">The source's last checkpoint: products write their chart points too.</param>
    public async Task<CheckpointOutcome> CheckpointAsync(bool last = false) => (await CheckpointAsync([this], last))[0];

    /// <summary>
    /// The checkpoint barrier of several sources at once (<see cref="CheckpointAsync(bool)"/> of each; call after each one's
    /// <see cref="FlushAsync"/>): a grain two of them touched is asked once (<see cref="ReadingDispatcher.CheckpointAsync(IReadOnlyList{ReadingDispatcher}, bool)"/>).
    /// The outcomes are in the order of <paramref name="pipelines"/>.
    /// </summary>
    /// <param name="pipelines">The sources' pipelines.</param>
    /// <param name="last">The last checkpoint of one of them: products write their chart points too.</param>
    public static async Task<CheckpointOutcome[]> CheckpointAsync(IReadOnlyList<IngestPipeline> pipelines, bool last = false)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        foreach (var pipeline in pipelines)
        {
            pipeline._schedule.Taken();
        }
        var outcomes = await ReadingDispatcher.CheckpointAsync([.. pipelines.Select(pipeline => pipeline._dispatcher)], last);
        foreach (var (pipeline, outcome) in pipelines.Zip(outcomes))
        {
            pipeline.Summary.RecordWrites(outcome.Writes);
        }
        return outcomes;
    }

    /// <summary>The source is read again from its last checkpoint: what is held or was being sent is dropped.</summary>
    public void Rewind()
    {
        _held = NewBatch();
        _letters = null;
        _inFlight = null;
        _spare = null;
        _dispatcher.Rewind();
    }

    private ValueTask ParseAsync(SourceRecord record, bool checkpointWhenDue)
    {
        Summary.RecordRead(1);
        _schedule.Read(1);
        var outcome = _parser.Parse(new NdjsonLine(record.Origin.Line, record.Data) { Length = record.Length });
        if (outcome.Reading is { } reading)
        {
            _held.Readings.Add(reading);
            _held.Origins.Add(record.Origin);
            _held.ReadAt?.Add(_latency!.Now());
            _devices?.Add(reading.DeviceId);
            _schedule.Saw(reading.Timestamp);
            return _held.Readings.Count >= _batchSize || (checkpointWhenDue && _schedule.Due)
                ? new ValueTask(SendAsync(checkpointWhenDue, carryLastRun: true))
                : ValueTask.CompletedTask;
        }
        if (Reject(record.Origin, outcome, record.Data) is { } deadLetter)
        {
            (_letters ??= []).Add(deadLetter);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Waits for the batch with the grains, sends the batch held, and when a checkpoint is due and asked for, waits for
    /// that batch too and takes it (so a checkpoint covers every reading read before it fell due). With
    /// <paramref name="carryLastRun"/> and no checkpoint to take, the batch's last run of a 15-minute bucket
    /// (<see cref="ReadingDispatcher.StartOfLastRun"/>) stays held and starts the next batch, so that a bucket reaches a
    /// device in one call rather than split across two batches (when the batch holds more than that run).
    /// </summary>
    private async Task SendAsync(bool checkpointWhenDue, bool carryLastRun)
    {
        var checkpoint = checkpointWhenDue && _schedule.Due;
        await CompleteInFlightAsync();
        await SendHeldAsync(carryLastRun && !checkpoint);
        if (checkpoint)
        {
            await CompleteInFlightAsync();
            (await CheckpointAsync()).ThrowIfBehind();
        }
    }

    private async Task SendHeldAsync(bool carryLastRun)
    {
        await WriteDeadLettersAsync();
        if (_held.Readings.Count == 0)
        {
            return;
        }
        var batch = _held;
        _held = _spare ?? NewBatch();
        _spare = null;
        if (carryLastRun && ReadingDispatcher.StartOfLastRun(batch.Readings) is > 0 and var lastRun)
        {
            batch.MoveFrom(lastRun, _held);
        }
        _inFlight = (DispatchAsync(batch), batch);
    }

    private async Task CompleteInFlightAsync()
    {
        if (_inFlight is { } inFlight)
        {
            _inFlight = null;
            await inFlight.Dispatched;
            inFlight.Batch.Clear();
            _spare = inFlight.Batch;
        }
    }

    /// <summary>
    /// Sends a batch; when grain calls fail because of what they were sent, sends the readings they did not take again in
    /// halves until each failing reading is alone, and rejects it (<see cref="RejectReason.GrainRejected"/>, with the
    /// grain's error). Any other failure (a timeout, an unreachable silo) fails the batch.
    /// </summary>
    private async Task DispatchAsync(Batch batch)
    {
        var outcome = await _dispatcher.DispatchAsync(batch.Readings, batch.Positions, batch.ReadAt);
        await RecordAsync(outcome);
        if (outcome.Failures.Count == 0)
        {
            return;
        }
        if (outcome.Failed.Count == 1)
        {
            var index = outcome.Failed[0];
            var reading = batch.Readings[index];
            var data = JsonSerializer.SerializeToUtf8Bytes(reading, DeadLetterJsonContext.Default.Reading);
            if (Reject(batch.Origins[index], ParseOutcome.Rejected(RejectReason.GrainRejected, outcome.Failures[0].ToString()), data) is { } letter)
            {
                await DeadLetters!.WriteAsync([letter], CancellationToken.None);
            }
            return;
        }
        var half = outcome.Failed.Count / 2;
        await DispatchAsync(batch.Pick(outcome.Failed.Take(half)));
        await DispatchAsync(batch.Pick(outcome.Failed.Skip(half)));
    }

    /// <summary>Counts and logs a rejected record; returns its dead letter when there is a sink.</summary>
    private DeadLetter? Reject(RecordOrigin origin, ParseOutcome outcome, ReadOnlyMemory<byte> data)
    {
        _rejections.Record(origin.ToString(), outcome, data.Span);
        Summary.RecordRejected();
        Rejected?.Invoke(outcome.Reason);
        return DeadLetters is null ? null : DeadLetter.From(origin, outcome.Reason, outcome.Detail, data.ToArray());
    }

    private async Task WriteDeadLettersAsync()
    {
        if (_letters is { } letters)
        {
            _letters = null;
            await DeadLetters!.WriteAsync(letters, CancellationToken.None);
        }
    }

    private async Task RecordAsync(BatchOutcome outcome)
    {
        if (outcome.Behind)
        {
            throw new GrainStateLostException("A grain lost the readings it took since the last checkpoint (its silo failed).");
        }
        Summary.Add(outcome);
        if (Judged is { } judged)
        {
            await judged(outcome);
        }
    }

    /// <summary>An empty batch; it keeps when each reading was read only when alert latency is measured.</summary>
    private Batch NewBatch() => new([], [], _latency is null ? null : []);

    /// <summary>Readings sent together, with their origins and, when alert latency is measured, when they were read.</summary>
    private sealed record Batch(List<Reading> Readings, List<RecordOrigin> Origins, List<long>? ReadAt)
    {
        /// <summary>Each reading's position in the source (<see cref="RecordOrigin.Position"/>).</summary>
        public IReadOnlyList<string> Positions { get; } = new PositionsOf(Origins);

        public Batch Pick(IEnumerable<int> indices)
        {
            var picked = new Batch([], [], ReadAt is null ? null : []);
            foreach (var i in indices)
            {
                picked.Readings.Add(Readings[i]);
                picked.Origins.Add(Origins[i]);
                picked.ReadAt?.Add(ReadAt![i]);
            }
            return picked;
        }

        /// <summary>Moves the readings from <paramref name="start"/> on to the end of <paramref name="next"/>.</summary>
        public void MoveFrom(int start, Batch next)
        {
            var count = Readings.Count - start;
            next.Readings.AddRange(CollectionsMarshal.AsSpan(Readings)[start..]);
            next.Origins.AddRange(CollectionsMarshal.AsSpan(Origins)[start..]);
            next.ReadAt?.AddRange(CollectionsMarshal.AsSpan(ReadAt)[start..]);
            Readings.RemoveRange(start, count);
            Origins.RemoveRange(start, count);
            ReadAt?.RemoveRange(start, count);
        }

        public void Clear()
        {
            Readings.Clear();
            Origins.Clear();
            ReadAt?.Clear();
        }
    }

    /// <summary>
    /// The positions of a batch's readings, made when asked for: only readings with a product need one (their product
    /// grain reads it), and a string per reading held for a whole batch of a fleet's replay was garbage that lived long.
    /// </summary>
    private sealed class PositionsOf(List<RecordOrigin> origins) : IReadOnlyList<string>
    {
        public string this[int index] => origins[index].Position;

        public int Count => origins.Count;

        public IEnumerator<string> GetEnumerator() => origins.Select(origin => origin.Position).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
