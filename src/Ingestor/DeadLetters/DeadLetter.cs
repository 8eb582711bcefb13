using System.Text.Json.Serialization;
using Actors.Detection.Parsing;
using Actors.Ingestor.Pipeline;

namespace Actors.Ingestor.DeadLetters;

/// <summary>A record that was not judged, with where it came from and why it was rejected.</summary>
/// <param name="StreamName">The Kinesis stream it was read from; null for a file.</param>
/// <param name="ShardId">The shard it was read from; null for a file.</param>
/// <param name="SequenceNumber">Its sequence number in the shard; null for a file.</param>
/// <param name="PartitionKey">The partition key it was written with; null for a file.</param>
/// <param name="ArrivedAt">When Kinesis accepted it; null for a file.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="Detail">A short explanation, if any.</param>
/// <param name="Data">The record's raw bytes (only the start of a record too large to keep).</param>
public sealed record DeadLetter(
    [property: JsonPropertyName("stream")] string? StreamName,
    string? ShardId,
    string? SequenceNumber,
    string? PartitionKey,
    DateTimeOffset? ArrivedAt,
    RejectReason Reason,
    string? Detail,
    ReadOnlyMemory<byte> Data)
{
    /// <summary>The file it was read from (or <c>simulator</c>); null for a Kinesis record.</summary>
    public string? File { get; init; }

    /// <summary>Its line in <see cref="File"/>; null for a Kinesis record.</summary>
    public long? Line { get; init; }

    /// <summary>A dead letter for the record at <paramref name="origin"/>.</summary>
    public static DeadLetter From(RecordOrigin origin, RejectReason reason, string? detail, ReadOnlyMemory<byte> data) => origin.ShardId is null
        ? new DeadLetter(null, null, null, null, null, reason, detail, data) { File = origin.Source, Line = origin.Line }
        : new DeadLetter(origin.Source, origin.ShardId, origin.SequenceNumber, origin.PartitionKey, origin.ArrivedAt, reason, detail, data);
}
