namespace Actors.Aws.Kinesis.Wire;

internal sealed record ListShardsResponse(IReadOnlyList<ShardJson>? Shards = null, string? NextToken = null);
