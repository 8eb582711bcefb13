namespace Actors.Aws.Kinesis;

/// <summary>One record read from a shard.</summary>
/// <param name="SequenceNumber">The record's sequence number, unique and increasing within its shard.</param>
/// <param name="ApproximateArrivalTimestamp">When Kinesis accepted the record.</param>
/// <param name="PartitionKey">The partition key the record was written with.</param>
/// <param name="Data">The record's payload, decoded from base64.</param>
public sealed record KinesisRecord(
    string SequenceNumber,
    DateTimeOffset ApproximateArrivalTimestamp,
    string PartitionKey,
    ReadOnlyMemory<byte> Data);
