using System.Text.Json.Serialization;
using Actors.Detection.Parsing;

namespace Actors.Ingestor.Kinesis;

/// <summary>A Kinesis record that was not a reading, with where it came from and why it was rejected.</summary>
/// <param name="StreamName">The stream it was read from.</param>
/// <param name="ShardId">The shard it was read from.</param>
/// <param name="SequenceNumber">Its sequence number in the shard.</param>
/// <param name="PartitionKey">The partition key it was written with.</param>
/// <param name="ArrivedAt">When Kinesis accepted it.</param>
/// <param name="Reason">Why the parser rejected it.</param>
/// <param name="Detail">The parser's short explanation, if any.</param>
/// <param name="Data">The record's raw bytes.</param>
public sealed record DeadLetter(
    [property: JsonPropertyName("stream")] string StreamName,
    string ShardId,
    string SequenceNumber,
    string PartitionKey,
    DateTimeOffset ArrivedAt,
    RejectReason Reason,
    string? Detail,
    ReadOnlyMemory<byte> Data);
