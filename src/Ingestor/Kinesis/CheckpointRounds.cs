using Actors.Ingestor.Pipeline;

namespace Actors.Ingestor.Kinesis;

/// <summary>
/// Takes the checkpoints of all the shards one worker reads together, in rounds: a product fed by many shards is asked
/// to write once per round rather than once per shard (its head holds every shard's position, so a write per shard
/// would cost it shards x shards positions an interval), and a device fed by two shards writes once.
/// </summary>
/// <remarks>
/// A round is due every <see cref="CheckpointOptions.Interval"/>, or once the worker's shards have read
/// <see cref="CheckpointOptions.Records"/> records each on average since the last one. A reader joins after the page it
/// is working on (or at once when its shard ended or it stops); the round's checkpoint is taken when every reader has
/// joined, or after the grace with those that have: a reader backing off or still busy joins the next round, and its
/// readings are checkpointed then.
/// </remarks>
/// <param name="options">When a round is due.</param>
/// <param name="grace">How long a round waits for the readers that have not joined yet.</param>
/// <param name="time">The clock of the interval and the grace.</param>
internal sealed class CheckpointRounds(CheckpointOptions options, TimeSpan grace, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly HashSet<IngestPipeline> _readers = [];
    private Round? _open;
    private DateTimeOffset _last = time.GetUtcNow();
    private long _records;

    /// <summary>Whether a reader should join a round now: one is open or due.</summary>
    public bool Due
    {
        get
        {
            lock (_lock)
            {
                return _open is not null
                    || time.GetUtcNow() - _last >= options.Interval
                    || (options.Records > 0 && _records >= options.Records * Math.Max(1, _readers.Count));
            }
        }
    }

    /// <summary>A reader starts: rounds wait for it from now on.</summary>
    public void Register(IngestPipeline reader)
    {
        lock (_lock)
        {
            _readers.Add(reader);
        }
    }

    /// <summary>A reader has stopped: rounds no longer wait for it.</summary>
    public void Unregister(IngestPipeline reader)
    {
        Round? start = null;
        lock (_lock)
        {
            _readers.Remove(reader);
            if (_open is { } round && round.Count >= _readers.Count)
            {
                start = Close();
            }
        }
        start?.Start();
    }

    /// <summary>Counts records the worker read.</summary>
    public void Read(long records)
    {
        lock (_lock)
        {
            _records += records;
        }
    }

    /// <summary>
    /// Joins the open round (opens one when none is) with a reader whose pipeline is flushed, and returns its outcome
    /// once the round's checkpoint is taken; <paramref name="last"/> when it is the reader's last (its shard ended or it stops).
    /// </summary>
    public Task<CheckpointOutcome> JoinAsync(IngestPipeline reader, bool last)
    {
        Round? start = null;
        Task<CheckpointOutcome> outcome;
        lock (_lock)
        {
            if (_open is null)
            {
                _open = new Round();
                _ = CloseAfterGraceAsync(_open);
            }
            outcome = _open.Join(reader, last);
            if (_open.Count >= _readers.Count)
            {
                start = Close();
            }
        }
        start?.Start();
        return outcome;
    }

    private async Task CloseAfterGraceAsync(Round round)
    {
        await Task.Delay(grace, time);
        Round? start = null;
        lock (_lock)
        {
            if (_open == round)
            {
                start = Close();
            }
        }
        start?.Start();
    }

    /// <summary>Closes the open round; the interval and the record count start again. Call under the lock.</summary>
    private Round Close()
    {
        var round = _open!;
        _open = null;
        _last = time.GetUtcNow();
        _records = 0;
        return round;
    }

    /// <summary>The readers that joined one round, and the checkpoint they wait for.</summary>
    private sealed class Round
    {
        private readonly List<IngestPipeline> _joined = [];
        private bool _last;
        private readonly TaskCompletionSource<CheckpointOutcome[]> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => _joined.Count;

        public Task<CheckpointOutcome> Join(IngestPipeline reader, bool last)
        {
            _joined.Add(reader);
            _last |= last;
            return OutcomeAsync(_joined.Count - 1);
        }

        public void Start() => _ = TakeAsync();

        private async Task<CheckpointOutcome> OutcomeAsync(int index) => (await _done.Task)[index];

        private async Task TakeAsync()
        {
            try
            {
                _done.SetResult(await IngestPipeline.CheckpointAsync(_joined, _last));
            }
            catch (Exception ex)
            {
                _done.SetException(ex);
            }
        }
    }
}
