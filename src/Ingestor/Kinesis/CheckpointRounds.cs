using Actors.Ingestor.Pipeline;

namespace Actors.Ingestor.Kinesis;

/// <summary>
/// Takes the checkpoints of all the shards one worker reads together, in rounds: a product fed by many shards is asked
/// to write once per round rather than once per shard (its head holds every shard's position, so a write per shard
/// would cost it shards x shards positions an interval), and a device fed by two shards writes once.
/// </summary>
/// <remarks>
/// Every <see cref="CheckpointOptions.Interval"/>, or once the worker's shards have read <see cref="CheckpointOptions.Records"/>
/// records each on average, every reader owes a checkpoint. A reader that owes one joins a round after the page it is
/// working on (one that must checkpoint on its own account, because its shard ended or it stops, joins at once); the
/// round's checkpoint is taken when every reader that owes one has joined, or after the grace with those that have. A
/// reader still busy then, or backing off, still owes its checkpoint and opens the next round, which the other late
/// ones join: so each reader checkpoints once per interval, and a product is written once per round, usually one or two.
/// </remarks>
/// <param name="options">When checkpoints are due.</param>
/// <param name="grace">How long a round waits for the readers that owe a checkpoint and have not joined.</param>
/// <param name="time">The clock of the interval and the grace.</param>
internal sealed class CheckpointRounds(CheckpointOptions options, TimeSpan grace, TimeProvider time)
{
    private readonly Lock _lock = new();

    /// <summary>Each running reader, with the interval it last took part in a round of.</summary>
    private readonly Dictionary<IngestPipeline, long> _readers = [];
    private long _interval;
    private Round? _open;
    private DateTimeOffset _last = time.GetUtcNow();
    private long _records;

    /// <summary>Whether <paramref name="reader"/> owes a checkpoint now, and should join a round after its page.</summary>
    public bool Due(IngestPipeline reader)
    {
        lock (_lock)
        {
            StartIntervalWhenDue();
            return _readers[reader] < _interval;
        }
    }

    /// <summary>A reader starts: it owes its first checkpoint at the end of the current interval.</summary>
    public void Register(IngestPipeline reader)
    {
        lock (_lock)
        {
            _readers.Add(reader, _interval);
        }
    }

    /// <summary>A reader has stopped: rounds no longer wait for it.</summary>
    public void Unregister(IngestPipeline reader)
    {
        Round? start;
        lock (_lock)
        {
            _readers.Remove(reader);
            start = CloseWhenComplete();
        }
        start?.Start();
    }

    /// <summary>Every reader owes a checkpoint now: the worker stops them all, and they should stop in one round, not one each.</summary>
    public void AllDue()
    {
        lock (_lock)
        {
            StartInterval();
        }
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
        Round? start;
        Task<CheckpointOutcome> outcome;
        lock (_lock)
        {
            if (_open is null)
            {
                _open = new Round();
                _ = CloseAfterGraceAsync(_open);
            }
            outcome = _open.Join(reader, last);
            start = CloseWhenComplete();
        }
        start?.Start();
        return outcome;
    }

    private void StartIntervalWhenDue()
    {
        if (time.GetUtcNow() - _last >= options.Interval || (options.Records > 0 && _records >= options.Records * Math.Max(1, _readers.Count)))
        {
            StartInterval();
        }
    }

    private void StartInterval()
    {
        _interval++;
        _last = time.GetUtcNow();
        _records = 0;
    }

    /// <summary>Closes the open round once every reader that owes a checkpoint has joined it. Call under the lock.</summary>
    private Round? CloseWhenComplete()
    {
        if (_open is not { } round || _readers.Any(reader => reader.Value < _interval && !round.Has(reader.Key)))
        {
            return null;
        }
        return Close();
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

    /// <summary>Closes the open round: its readers have taken part in the current interval. Call under the lock.</summary>
    private Round Close()
    {
        var round = _open!;
        _open = null;
        foreach (var reader in round.Readers)
        {
            if (_readers.ContainsKey(reader))
            {
                _readers[reader] = _interval;
            }
        }
        return round;
    }

    /// <summary>The readers that joined one round, and the checkpoint they wait for.</summary>
    private sealed class Round
    {
        private readonly List<IngestPipeline> _joined = [];
        private readonly HashSet<IngestPipeline> _members = [];
        private readonly TaskCompletionSource<CheckpointOutcome[]> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _last;

        public IReadOnlyList<IngestPipeline> Readers => _joined;

        public bool Has(IngestPipeline reader) => _members.Contains(reader);

        public Task<CheckpointOutcome> Join(IngestPipeline reader, bool last)
        {
            _joined.Add(reader);
            _members.Add(reader);
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
