namespace Actors.Ingestor.Pipeline;

/// <summary>Says when a source's next checkpoint is due, by <see cref="CheckpointOptions"/>.</summary>
public sealed class CheckpointSchedule(CheckpointOptions options, TimeProvider time)
{
    private DateTimeOffset _last = time.GetUtcNow();
    private long _records;

    /// <summary>Counts records read from the source.</summary>
    public void Read(long records) => _records += records;

    /// <summary>Whether a checkpoint is due now.</summary>
    public bool Due => (options.Records > 0 && _records >= options.Records) || time.GetUtcNow() - _last >= options.Interval;

    /// <summary>A checkpoint was taken now.</summary>
    public void Taken()
    {
        _last = time.GetUtcNow();
        _records = 0;
    }
}
