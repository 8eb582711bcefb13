using System.Text.Json.Serialization;
using Actors.Detection.Parsing;

namespace Actors.Ingestor.Kinesis;

/// <summary>
/// A dead letter as one JSON object: <c>{"stream","shardId","sequenceNumber","partitionKey","arrivedAt","reason","detail","data"}</c>,
/// data in base64; the same shape in the dead-letter file and the dead-letter stream.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(JsonStringEnumConverter<RejectReason>)])]
[JsonSerializable(typeof(DeadLetter))]
public sealed partial class DeadLetterJsonContext : JsonSerializerContext;
