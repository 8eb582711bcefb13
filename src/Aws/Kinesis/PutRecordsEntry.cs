namespace Actors.Aws.Kinesis;

/// <summary>One record to write with <c>PutRecords</c>.</summary>
/// <param name="Data">The payload, at most <see cref="KinesisLimits.MaxRecordBytes"/> bytes with the partition key.</param>
/// <param name="PartitionKey">
/// Chooses the shard (by the MD5 hash of the key) and orders records of the same key; 1 to
/// <see cref="KinesisLimits.MaxPartitionKeyLength"/> Unicode characters.
/// </param>
public sealed record PutRecordsEntry(ReadOnlyMemory<byte> Data, string PartitionKey);
