namespace Actors.Ingestor.Pipeline;

/// <summary>The clock <see cref="CheckpointOptions.Interval"/> is measured on.</summary>
public enum CheckpointClock
{
    /// <summary>Wall-clock time: what a crash can make the source read again is at most one interval of reading.</summary>
    WallClock,

    /// <summary>
    /// The event time of the readings (<c>replay</c> only): a file is checkpointed once per interval of its data however fast
    /// it replays, so its state writes, and their DynamoDB cost, are the same on every machine and match live ingest.
    /// </summary>
    EventTime,
}
