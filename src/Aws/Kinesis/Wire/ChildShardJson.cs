namespace Actors.Aws.Kinesis.Wire;

/// <summary>One child shard of a <c>GetRecords</c> answer at the end of a closed shard.</summary>
internal sealed record ChildShardJson(string ShardId, HashKeyRange HashKeyRange, IReadOnlyList<string>? ParentShards = null)
{
    public ChildShard ToChildShard() => new(ShardId, ParentShards ?? [], HashKeyRange.StartingHashKey, HashKeyRange.EndingHashKey);
}
