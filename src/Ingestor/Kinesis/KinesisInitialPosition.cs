namespace Actors.Ingestor.Kinesis;

/// <summary>Where a shard that was never checkpointed is read from (a child of shards read here always starts at its first record).</summary>
public enum KinesisInitialPosition
{
    /// <summary>The oldest record still retained (TRIM_HORIZON).</summary>
    TrimHorizon = 0,

    /// <summary>Only records written after the reader started (LATEST).</summary>
    Latest = 1,

    /// <summary>The first record that arrived at or after <see cref="KinesisIngestOptions.InitialTimestamp"/> (AT_TIMESTAMP).</summary>
    AtTimestamp = 2,
}
