using System.Text.Json;

namespace Actors.Ingestor.Kinesis;

/// <summary>
/// A dead letter as one JSON object: <c>{"stream","shardId","sequenceNumber","partitionKey","arrivedAt","reason","detail","data"}</c>,
/// data in base64; the same shape in the dead-letter file and the dead-letter stream.
/// </summary>
public static class DeadLetterJson
{
    public static void Write(Utf8JsonWriter json, DeadLetter letter)
    {
        json.WriteStartObject();
        json.WriteString("stream", letter.StreamName);
        json.WriteString("shardId", letter.ShardId);
        json.WriteString("sequenceNumber", letter.SequenceNumber);
        json.WriteString("partitionKey", letter.PartitionKey);
        json.WriteString("arrivedAt", letter.ArrivedAt);
        json.WriteString("reason", letter.Reason.ToString());
        if (letter.Detail is null)
        {
            json.WriteNull("detail");
        }
        else
        {
            json.WriteString("detail", letter.Detail);
        }
        json.WriteBase64String("data", letter.Data.Span);
        json.WriteEndObject();
    }

    public static byte[] ToUtf8Bytes(DeadLetter letter)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, letter);
        }
        return buffer.ToArray();
    }
}
