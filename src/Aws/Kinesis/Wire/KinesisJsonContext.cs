using System.Text.Json.Serialization;

namespace Actors.Aws.Kinesis.Wire;

/// <summary>
/// The request and answer bodies of the Kinesis JSON 1.1 protocol: members named as in the API (PascalCase, case
/// sensitive), absent optional members left out of requests, timestamps as epoch seconds, record data as base64.
/// An answer missing a member the API always sends, or holding <c>null</c> where the shape allows none, fails to read.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(EpochSecondsConverter), typeof(UpperSnakeCaseEnumConverter<ShardIteratorType>)])]
[JsonSerializable(typeof(CreateStreamRequest))]
[JsonSerializable(typeof(DescribeStreamSummaryRequest))]
[JsonSerializable(typeof(DescribeStreamSummaryResponse))]
[JsonSerializable(typeof(ListShardsRequest))]
[JsonSerializable(typeof(ListShardsResponse))]
[JsonSerializable(typeof(GetShardIteratorRequest))]
[JsonSerializable(typeof(GetShardIteratorResponse))]
[JsonSerializable(typeof(GetRecordsRequest))]
[JsonSerializable(typeof(GetRecordsResponse))]
[JsonSerializable(typeof(PutRecordsRequest))]
[JsonSerializable(typeof(PutRecordsResponse))]
internal sealed partial class KinesisJsonContext : JsonSerializerContext;
