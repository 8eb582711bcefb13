using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Aws.Kinesis.Wire;

/// <summary>
/// A Kinesis timestamp: written as seconds since the Unix epoch with a fraction, as the JSON 1.1 protocol sends
/// them; read from such a number or from an ISO 8601 string (UTC unless it names an offset).
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(reader.GetDouble() * TimeSpan.TicksPerSecond)),
        JsonTokenType.String => DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new JsonException($"A timestamp must be a number of epoch seconds or a string, not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue((value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerSecond);
}
