using System.Text.Json.Serialization;

namespace Actors.Aws;

/// <summary>Reads <see cref="AwsJsonError"/> with source-generated metadata, members matched case-sensitively.</summary>
[JsonSerializable(typeof(AwsJsonError))]
internal sealed partial class AwsJsonErrorContext : JsonSerializerContext;
