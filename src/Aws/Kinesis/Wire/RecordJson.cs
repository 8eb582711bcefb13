namespace Actors.Aws.Kinesis.Wire;

/// <summary>One record of a <c>GetRecords</c> answer; <see cref="Data"/> travels as base64.</summary>
internal sealed record RecordJson(
    string SequenceNumber,
    string PartitionKey,
    ReadOnlyMemory<byte> Data,
    DateTimeOffset? ApproximateArrivalTimestamp = null)
{
    public KinesisRecord ToRecord() => new(SequenceNumber, ApproximateArrivalTimestamp ?? DateTimeOffset.UnixEpoch, PartitionKey, Data);
}
