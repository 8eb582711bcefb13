namespace Actors.Aws.Kinesis.Wire;

internal sealed record GetShardIteratorResponse(string ShardIterator);
