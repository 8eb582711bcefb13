namespace Actors.Aws.Kinesis.Wire;

/// <summary>One shard of a <c>ListShards</c> answer.</summary>
internal sealed record ShardJson(
    string ShardId,
    HashKeyRange HashKeyRange,
    SequenceNumberRange SequenceNumberRange,
    string? ParentShardId = null,
    string? AdjacentParentShardId = null)
{
    public Shard ToShard() => new(
        ShardId,
        ParentShardId,
        AdjacentParentShardId,
        HashKeyRange.StartingHashKey,
        HashKeyRange.EndingHashKey,
        SequenceNumberRange.StartingSequenceNumber,
        SequenceNumberRange.EndingSequenceNumber);
}
