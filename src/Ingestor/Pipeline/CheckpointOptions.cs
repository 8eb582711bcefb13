namespace Actors.Ingestor.Pipeline;

/// <summary>
/// When the grains write what they took from a source (configuration section <c>Checkpoint</c>). A device grain writes
/// at most once per checkpoint however many readings it judged, so these settings set the DynamoDB write rate.
/// </summary>
public sealed class CheckpointOptions
{
    public const string SectionName = "Checkpoint";

    /// <summary>Time between two checkpoints of a source, on <see cref="Clock"/>. Default 60 s.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Also take a checkpoint once this many records were read from the source since the last one; 0 = only by time.</summary>
    public long Records { get; set; }

    /// <summary>
    /// The clock of <see cref="Interval"/>: <see cref="CheckpointClock.WallClock"/> (default) or, for <c>replay</c>,
    /// <see cref="CheckpointClock.EventTime"/>. <c>ingest</c> and <c>simulate</c> always use the wall clock.
    /// </summary>
    public CheckpointClock Clock { get; set; } = CheckpointClock.WallClock;
}
