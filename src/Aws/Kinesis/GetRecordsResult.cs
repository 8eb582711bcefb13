namespace Actors.Aws.Kinesis;

/// <summary>One page of records from a shard.</summary>
/// <param name="Records">The records, in sequence-number order; may be empty even when more records follow.</param>
/// <param name="NextShardIterator">
/// The iterator to read on with; <see langword="null"/> once a closed shard has been read to its end
/// (continue with <paramref name="ChildShards"/>).
/// </param>
/// <param name="MillisBehindLatest">How far the page is behind the shard's newest record; 0 means caught up.</param>
/// <param name="ChildShards">The shards that continue this one, reported once a closed shard is read to its end.</param>
public sealed record GetRecordsResult(
    IReadOnlyList<KinesisRecord> Records,
    string? NextShardIterator,
    long? MillisBehindLatest,
    IReadOnlyList<ChildShard> ChildShards)
{
    /// <summary>Whether the shard is closed and has been read to its end.</summary>
    public bool IsShardEnd => NextShardIterator is null;
}
