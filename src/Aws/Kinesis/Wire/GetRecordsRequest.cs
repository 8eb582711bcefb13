namespace Actors.Aws.Kinesis.Wire;

internal sealed record GetRecordsRequest(string ShardIterator, int? Limit);
