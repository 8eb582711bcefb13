using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Detection.Records;

/// <summary>
/// The anomaly record's time format: UTC as <c>yyyy-MM-dd HH:mm:ss</c>, with <c>.ffffff</c> only when the time has a
/// sub-second part. Reads both forms (and up to seven fraction digits) back as UTC.
/// </summary>
public sealed class RecordTimeConverter : JsonConverter<DateTime>
{
    private const string WholeSecondFormat = "yyyy-MM-dd HH:mm:ss";
    private const string FractionFormat = "yyyy-MM-dd HH:mm:ss.ffffff";
    private static readonly string[] ReadFormats = [WholeSecondFormat, "yyyy-MM-dd HH:mm:ss.FFFFFFF"];

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"A record time must be a string, not {reader.TokenType}.");
        return DateTime.TryParseExact(text, ReadFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new JsonException($"'{text}' is not a time of the form yyyy-MM-dd HH:mm:ss[.ffffff].");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? WholeSecondFormat : FractionFormat;
        Span<char> text = stackalloc char[FractionFormat.Length];
        if (!utc.TryFormat(text, out var written, format, CultureInfo.InvariantCulture))
        {
            throw new JsonException($"Cannot format {utc:O} as a record time.");
        }
        writer.WriteStringValue(text[..written]);
    }
}
