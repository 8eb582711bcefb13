using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Device;

/// <summary>
/// The anomaly record sent downstream (see MISSION.md): AnomalyType, TargetTime, MeasuredValue, UpperLimit, LowerLimit,
/// BaselineRef, ProductId, DeviceId, Metric (always written, null when absent), then AlertId, ZScore, WindowStart,
/// WindowEnd and Rule (written only when set). Times are UTC as <c>yyyy-MM-dd HH:mm:ss</c>, with <c>.ffffff</c> only
/// when the time has a sub-second part.
/// </summary>
public static class AnomalyJson
{
    private const string WholeSecondFormat = "yyyy-MM-dd HH:mm:ss";
    private const string FractionFormat = "yyyy-MM-dd HH:mm:ss.ffffff";
    private static readonly string[] ParseFormats = [WholeSecondFormat, "yyyy-MM-dd HH:mm:ss.FFFFFFF"];

    private static readonly JsonEncodedText AnomalyTypeName = JsonEncodedText.Encode("AnomalyType");
    private static readonly JsonEncodedText TargetTimeName = JsonEncodedText.Encode("TargetTime");
    private static readonly JsonEncodedText MeasuredValueName = JsonEncodedText.Encode("MeasuredValue");
    private static readonly JsonEncodedText UpperLimitName = JsonEncodedText.Encode("UpperLimit");
    private static readonly JsonEncodedText LowerLimitName = JsonEncodedText.Encode("LowerLimit");
    private static readonly JsonEncodedText BaselineRefName = JsonEncodedText.Encode("BaselineRef");
    private static readonly JsonEncodedText ProductIdName = JsonEncodedText.Encode("ProductId");
    private static readonly JsonEncodedText DeviceIdName = JsonEncodedText.Encode("DeviceId");
    private static readonly JsonEncodedText MetricName = JsonEncodedText.Encode("Metric");
    private static readonly JsonEncodedText AlertIdName = JsonEncodedText.Encode("AlertId");
    private static readonly JsonEncodedText ZScoreName = JsonEncodedText.Encode("ZScore");
    private static readonly JsonEncodedText WindowStartName = JsonEncodedText.Encode("WindowStart");
    private static readonly JsonEncodedText WindowEndName = JsonEncodedText.Encode("WindowEnd");
    private static readonly JsonEncodedText RuleName = JsonEncodedText.Encode("Rule");
    private static readonly JsonEncodedText ThresholdText = JsonEncodedText.Encode(nameof(AnomalyType.Threshold));
    private static readonly JsonEncodedText ZScoreText = JsonEncodedText.Encode(nameof(AnomalyType.ZScore));
    private static readonly JsonEncodedText ProvisionalText = JsonEncodedText.Encode(nameof(AnomalyType.Provisional));
    private static readonly JsonEncodedText ConfirmedText = JsonEncodedText.Encode(nameof(AnomalyType.Confirmed));

    /// <summary>
    /// Writer options for anomaly records: compact, and without HTML-oriented escaping, so that a rule such as
    /// <c>temperature &gt;= 30</c> stays readable.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="anomaly"/> as one JSON object.</summary>
    /// <param name="writer">The writer; its options decide indentation and escaping (see <see cref="WriterOptions"/>).</param>
    /// <param name="anomaly">The anomaly to write.</param>
    public static void Write(Utf8JsonWriter writer, Anomaly anomaly)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(anomaly);
        writer.WriteStartObject();
        writer.WriteString(AnomalyTypeName, TypeName(anomaly.AnomalyType));
        WriteTime(writer, TargetTimeName, anomaly.TargetTime);
        writer.WriteNumber(MeasuredValueName, anomaly.MeasuredValue);
        WriteNullableNumber(writer, UpperLimitName, anomaly.UpperLimit);
        WriteNullableNumber(writer, LowerLimitName, anomaly.LowerLimit);
        writer.WriteString(BaselineRefName, anomaly.BaselineRef);
        writer.WriteString(ProductIdName, anomaly.ProductId);
        writer.WriteString(DeviceIdName, anomaly.DeviceId);
        writer.WriteString(MetricName, anomaly.Metric);
        if (anomaly.AlertId is not null)
        {
            writer.WriteString(AlertIdName, anomaly.AlertId);
        }

        if (anomaly.ZScore is { } z)
        {
            writer.WriteNumber(ZScoreName, z);
        }

        if (anomaly.WindowStart is { } start)
        {
            WriteTime(writer, WindowStartName, start);
        }

        if (anomaly.WindowEnd is { } end)
        {
            WriteTime(writer, WindowEndName, end);
        }

        if (anomaly.Rule is not null)
        {
            writer.WriteString(RuleName, anomaly.Rule);
        }

        writer.WriteEndObject();
    }

    /// <summary><paramref name="anomaly"/> as UTF-8 JSON (one object, no trailing newline).</summary>
    /// <param name="anomaly">The anomaly to write.</param>
    public static byte[] ToUtf8Bytes(Anomaly anomaly)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, anomaly);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><paramref name="anomaly"/> as a JSON string (one object, no trailing newline).</summary>
    /// <param name="anomaly">The anomaly to write.</param>
    public static string ToJson(Anomaly anomaly)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, anomaly);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Reads an anomaly record back. Unknown properties are ignored; a record without <c>AlertId</c> (as the seed systems
    /// write it) gets the deterministic ID of <see cref="AlertIds.For"/>.
    /// </summary>
    /// <param name="utf8Json">One JSON object, UTF-8.</param>
    /// <exception cref="JsonException">The JSON is malformed, a field has the wrong type, or a required field is missing.</exception>
    public static Anomaly Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An anomaly record must be a JSON object.");
        }

        AnomalyType? type = null;
        DateTime? targetTime = null;
        double? measured = null;
        double? upper = null;
        double? lower = null;
        string? baselineRef = null;
        string? productId = null;
        string? deviceId = null;
        string? metric = null;
        string? alertId = null;
        double? z = null;
        DateTime? windowStart = null;
        DateTime? windowEnd = null;
        string? rule = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "AnomalyType":
                    type = ReadType(ref reader);
                    break;
                case "TargetTime":
                    targetTime = ReadTime(ref reader, name);
                    break;
                case "MeasuredValue":
                    measured = ReadNumber(ref reader, name);
                    break;
                case "UpperLimit":
                    upper = ReadNumber(ref reader, name);
                    break;
                case "LowerLimit":
                    lower = ReadNumber(ref reader, name);
                    break;
                case "BaselineRef":
                    baselineRef = ReadString(ref reader, name);
                    break;
                case "ProductId":
                    productId = ReadString(ref reader, name);
                    break;
                case "DeviceId":
                    deviceId = ReadString(ref reader, name);
                    break;
                case "Metric":
                    metric = ReadString(ref reader, name);
                    break;
                case "AlertId":
                    alertId = ReadString(ref reader, name);
                    break;
                case "ZScore":
                    z = ReadNumber(ref reader, name);
                    break;
                case "WindowStart":
                    windowStart = ReadTime(ref reader, name);
                    break;
                case "WindowEnd":
                    windowEnd = ReadTime(ref reader, name);
                    break;
                case "Rule":
                    rule = ReadString(ref reader, name);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("An anomaly record must be a single JSON object.");
        }

        var requiredType = type ?? throw Missing("AnomalyType");
        var requiredTime = targetTime ?? throw Missing("TargetTime");
        var requiredDevice = deviceId ?? throw Missing("DeviceId");
        var requiredMetric = metric ?? throw Missing("Metric");
        return new Anomaly
        {
            AlertId = alertId ?? AlertIds.For(requiredDevice, requiredMetric, requiredType, requiredTime),
            AnomalyType = requiredType,
            TargetTime = requiredTime,
            MeasuredValue = measured ?? throw Missing("MeasuredValue"),
            UpperLimit = upper,
            LowerLimit = lower,
            BaselineRef = baselineRef,
            ProductId = productId,
            DeviceId = requiredDevice,
            Metric = requiredMetric,
            ZScore = z,
            WindowStart = windowStart,
            WindowEnd = windowEnd,
            Rule = rule,
        };
    }

    private static void WriteTime(Utf8JsonWriter writer, JsonEncodedText name, DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? WholeSecondFormat : FractionFormat;
        Span<char> buffer = stackalloc char[32];
        if (!utc.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            throw new FormatException($"Cannot format {name} {utc:O}.");
        }

        writer.WriteString(name, buffer[..written]);
    }

    private static void WriteNullableNumber(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static JsonEncodedText TypeName(AnomalyType type) => type switch
    {
        AnomalyType.Threshold => ThresholdText,
        AnomalyType.ZScore => ZScoreText,
        AnomalyType.Provisional => ProvisionalText,
        AnomalyType.Confirmed => ConfirmedText,
        _ => JsonEncodedText.Encode(type.ToString()),
    };

    private static AnomalyType ReadType(ref Utf8JsonReader reader)
    {
        var text = ReadString(ref reader, "AnomalyType");
        return text switch
        {
            nameof(AnomalyType.Threshold) => AnomalyType.Threshold,
            nameof(AnomalyType.ZScore) => AnomalyType.ZScore,
            nameof(AnomalyType.Provisional) => AnomalyType.Provisional,
            nameof(AnomalyType.Confirmed) => AnomalyType.Confirmed,
            _ => throw new JsonException($"AnomalyType '{text}' is not one of Threshold, ZScore, Provisional, Confirmed."),
        };
    }

    private static DateTime? ReadTime(ref Utf8JsonReader reader, string name)
    {
        var text = ReadString(ref reader, name);
        if (text is null)
        {
            return null;
        }

        return DateTime.TryParseExact(
            text,
            ParseFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var time)
            ? time
            : throw new JsonException($"{name} '{text}' is not a time of the form yyyy-MM-dd HH:mm:ss[.ffffff].");
    }

    private static double? ReadNumber(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.GetDouble(),
        _ => throw new JsonException($"{name} must be a number or null, not {reader.TokenType}."),
    };

    private static string? ReadString(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException($"{name} must be a string or null, not {reader.TokenType}."),
    };

    private static JsonException Missing(string name) => new($"The anomaly record has no {name}.");
}
