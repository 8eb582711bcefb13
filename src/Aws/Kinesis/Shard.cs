namespace Actors.Aws.Kinesis;

/// <summary>One shard of a stream, as <c>ListShards</c> describes it.</summary>
/// <param name="ShardId">The shard's ID, such as <c>shardId-000000000000</c>.</param>
/// <param name="ParentShardId">The shard this one was split from, or the first of the two it was merged from.</param>
/// <param name="AdjacentParentShardId">The second shard this one was merged from.</param>
/// <param name="StartingHashKey">The lowest hash key (a decimal 128-bit integer) the shard covers.</param>
/// <param name="EndingHashKey">The highest hash key (a decimal 128-bit integer) the shard covers.</param>
/// <param name="StartingSequenceNumber">The sequence number of the shard's first record.</param>
/// <param name="EndingSequenceNumber">
/// The sequence number of the shard's last record once the shard is closed by a split or merge;
/// <see langword="null"/> while the shard is open.
/// </param>
public sealed record Shard(
    string ShardId,
    string? ParentShardId,
    string? AdjacentParentShardId,
    string StartingHashKey,
    string EndingHashKey,
    string StartingSequenceNumber,
    string? EndingSequenceNumber)
{
    /// <summary>Whether the shard still accepts records (it has no <see cref="EndingSequenceNumber"/>).</summary>
    public bool IsOpen => EndingSequenceNumber is null;
}
