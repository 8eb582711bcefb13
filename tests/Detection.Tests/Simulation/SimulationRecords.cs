using System.Globalization;
using System.Text;
using System.Text.Json;
using Actors.Simulation;

namespace Actors.Detection.Tests.Simulation;

/// <summary>Helpers that read simulated records the way a consumer would.</summary>
internal static class SimulationRecords
{
    public static readonly DateTime Start = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    public static readonly string[] IdentityFields = ["device_id", "machine_id", "imsi"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<SimulatedRecord> Generate(SimulationOptions options, TimeSpan duration) =>
        new ReadingSimulator(options).Generate(Start, duration).ToList();

    public static SimulationOptions Only(
        int temperatureSensors = 0,
        int boards = 0,
        int gateways = 0,
        int lines = 0,
        double malformedRate = 0) =>
        new()
        {
            TemperatureSensors = temperatureSensors,
            Boards = boards,
            Gateways = gateways,
            ProductionLines = lines,
            MalformedRate = malformedRate,
        };

    public static double Metric(SimulatedRecord record, string name)
    {
        using var document = JsonDocument.Parse(record.Payload);
        return document.RootElement.GetProperty(name).GetDouble();
    }

    public static string Text(SimulatedRecord record) => Encoding.UTF8.GetString(record.Payload);

    /// <summary>Names which malformed kind a payload is, judging only by its bytes, or null when it is a valid reading.</summary>
    public static string? ClassifyMalformed(byte[] payload)
    {
        if (payload.Length == 0)
        {
            return "empty";
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            return "binary";
        }
        if (text.Contains("NaN", StringComparison.Ordinal))
        {
            return "nan";
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return "truncated";
        }
        using (document)
        {
            var root = document.RootElement;
            var metrics = MetricValues(root).ToList();
            if (metrics.Count > 0 && metrics.All(m => m.ValueKind == JsonValueKind.String))
            {
                return "strings";
            }
            if (metrics.Count > 0 && metrics.All(m => !double.IsFinite(FiniteOrNaN(m))))
            {
                return "overflow";
            }
            if (!IdentityFields.Any(f => root.TryGetProperty(f, out _)))
            {
                return "missing-id";
            }
            if (!HasParsableTime(root))
            {
                return "bad-time";
            }
            return null;
        }
    }

    public static bool HasParsableTime(JsonElement root)
    {
        var element = root.TryGetProperty("payloads", out var payloads) ? payloads : root;
        var time = element.GetProperty("timestamp");
        return time.ValueKind == JsonValueKind.String
            && DateTime.TryParse(time.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _);
    }

    private static IEnumerable<JsonElement> MetricValues(JsonElement root)
    {
        var element = root.TryGetProperty("payloads", out var payloads) ? payloads : root;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is "temperature" or "humidity" or "distance" or "thickness" or "line_speed")
            {
                yield return property.Value;
            }
        }
    }

    private static double FiniteOrNaN(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) ? value : double.NaN;
}
