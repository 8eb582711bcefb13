namespace Actors.Aws.Kinesis;

/// <summary>A shard that continues a closed shard, as <c>GetRecords</c> reports once the closed shard is read to its end.</summary>
/// <param name="ShardId">The child shard's ID.</param>
/// <param name="ParentShards">The IDs of the child's parent shards (one after a split, two after a merge).</param>
/// <param name="StartingHashKey">The lowest hash key the child covers.</param>
/// <param name="EndingHashKey">The highest hash key the child covers.</param>
public sealed record ChildShard(
    string ShardId,
    IReadOnlyList<string> ParentShards,
    string StartingHashKey,
    string EndingHashKey);
