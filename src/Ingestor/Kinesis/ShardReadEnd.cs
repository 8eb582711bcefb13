namespace Actors.Ingestor.Kinesis;

/// <summary>Why a shard reader stopped.</summary>
internal enum ShardReadEnd
{
    /// <summary>The worker stopped it (shutdown, or the lease grain asked for the shard back).</summary>
    Stopped = 0,

    /// <summary>The shard is closed and was read to its end; it is checkpointed as finished.</summary>
    Finished = 1,

    /// <summary>The lease grain refused a checkpoint: another worker owns the shard now.</summary>
    LeaseLost = 2,
}
