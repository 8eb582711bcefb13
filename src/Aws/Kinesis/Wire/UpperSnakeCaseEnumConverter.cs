using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Aws.Kinesis.Wire;

/// <summary>An enum as the Kinesis API spells its values: <c>TrimHorizon</c> as <c>TRIM_HORIZON</c>.</summary>
internal sealed class UpperSnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false)
    where TEnum : struct, Enum;
