using System.Globalization;

namespace Actors.Ingestor.Pipeline;

/// <summary>
/// Where a raw record came from: line <see cref="Line"/> of a file (or record number of a simulator run) named
/// <see cref="Source"/>, or the Kinesis record <see cref="SequenceNumber"/> of shard <see cref="ShardId"/> of stream
/// <see cref="Source"/>.
/// </summary>
public readonly record struct RecordOrigin(
    string Source,
    long Line,
    string? ShardId = null,
    string? SequenceNumber = null,
    string? PartitionKey = null,
    DateTimeOffset? ArrivedAt = null)
{
    /// <summary>A Kinesis record, by shard and sequence number.</summary>
    public static RecordOrigin Kinesis(string stream, string shardId, string sequenceNumber, string partitionKey, DateTimeOffset arrivedAt) =>
        new(stream, 0, shardId, sequenceNumber, partitionKey, arrivedAt);

    /// <summary>
    /// The record's position in its source, as product grains keep it (<see cref="Grains.Interfaces.SourcePosition"/>):
    /// the Kinesis sequence number, or the line (record number).
    /// </summary>
    public string Position => SequenceNumber ?? Line.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>file:line</c>, or <c>shard/sequence</c> for a Kinesis record.</summary>
    public override string ToString() => ShardId is null ? $"{Source}:{Line}" : $"{ShardId}/{SequenceNumber}";
}
