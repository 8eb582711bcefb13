namespace Actors.Ingestor.Pipeline;

/// <summary>
/// When the grains write what they took from a source (configuration section <c>Checkpoint</c>). A device grain writes
/// at most once per checkpoint however many readings it judged, so these two settings set the DynamoDB write rate.
/// </summary>
public sealed class CheckpointOptions
{
    public const string SectionName = "Checkpoint";

    /// <summary>Wall-clock time between two checkpoints of a source. Default 60 s.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Also take a checkpoint once this many records were read from the source since the last one; 0 = only by time.</summary>
    public long Records { get; set; }
}
