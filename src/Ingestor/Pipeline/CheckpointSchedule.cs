using Actors.Detection.EventTime;

namespace Actors.Ingestor.Pipeline;

/// <summary>
/// Says when a source's next checkpoint is due, by <see cref="CheckpointOptions"/>: after <c>Interval</c> on the wall clock
/// or, with <see cref="CheckpointClock.EventTime"/>, of the event time of the readings seen (<see cref="Saw"/>); and after
/// <c>Records</c> records when set.
/// </summary>
public sealed class CheckpointSchedule
{
    private readonly CheckpointOptions _options;
    private readonly TimeProvider _time;
    private DateTimeOffset? _last;
    private DateTime? _eventTime;
    private DateTime? _outlier;
    private long _records;

    public CheckpointSchedule(CheckpointOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _last = OnEventTime ? null : time.GetUtcNow();
    }

    /// <summary>Whether the interval runs on the readings' event time.</summary>
    public bool OnEventTime => _options.Clock == CheckpointClock.EventTime;

    /// <summary>Whether a checkpoint is due now.</summary>
    public bool Due => (_options.Records > 0 && _records >= _options.Records) || Now - _last >= _options.Interval;

    /// <summary>Counts records read from the source.</summary>
    public void Read(long records) => _records += records;

    /// <summary>
    /// Moves the event clock to a reading's event time when it is later; the first reading starts the first interval. A
    /// single reading too far ahead (<see cref="EventTimeJump"/>) does not move it, so one bad timestamp cannot stop the
    /// checkpoints.
    /// </summary>
    public void Saw(DateTime eventTime)
    {
        if (!OnEventTime || eventTime <= _eventTime || EventTimeJump.IsOutlier(_eventTime, ref _outlier, eventTime, EventTimeJump.DefaultMaxJump))
        {
            return;
        }
        _eventTime = eventTime;
        _last ??= Now;
    }

    /// <summary>A checkpoint was taken now.</summary>
    public void Taken()
    {
        _last = Now;
        _records = 0;
    }

    private DateTimeOffset? Now => OnEventTime
        ? _eventTime is { } eventTime ? new DateTimeOffset(DateTime.SpecifyKind(eventTime, DateTimeKind.Utc)) : null
        : _time.GetUtcNow();
}
