namespace Actors.Aws.Kinesis.Wire;

internal sealed record GetShardIteratorRequest(
    string StreamName,
    string ShardId,
    ShardIteratorType ShardIteratorType,
    string? StartingSequenceNumber,
    DateTimeOffset? Timestamp);
