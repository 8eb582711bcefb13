using System.Text.Json.Serialization;
using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;

namespace Actors.Ingestor.DeadLetters;

/// <summary>
/// A dead letter as one JSON object: <c>{"stream","shardId","sequenceNumber","partitionKey","arrivedAt","reason","detail","data"}</c>
/// for a Kinesis record, <c>{"reason","detail","data","file","line"}</c> for a line of a file; data in base64; the same
/// shape in the dead-letter file and the dead-letter stream.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(JsonStringEnumConverter<RejectReason>)])]
[JsonSerializable(typeof(DeadLetter))]
[JsonSerializable(typeof(Reading))]
public sealed partial class DeadLetterJsonContext : JsonSerializerContext;
