using System.Globalization;
using System.Text.Json;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Baselines;

/// <summary>
/// Parses one line of the baseline format
/// <c>{"product_id": "B205", "date_key": "2026-02-17", "metric": "thickness", "mean": 50.0, "std_dev": 0.5, "ucl_i": 51.5, "lcl_i": 48.5, "ucl_x": 50.67, "lcl_x": 49.33}</c>
/// into imported <see cref="ControlLimits"/>. The seed format has no <c>metric</c>; then <see cref="DefaultMetric"/> is used.
/// </summary>
public static class BaselineParser
{
    /// <summary>The metric of a baseline line without a <c>metric</c> field: the seed deployment charted thickness only.</summary>
    public const string DefaultMetric = "thickness";

    /// <summary>Returns the limits, or throws <see cref="FormatException"/> naming the missing or bad field.</summary>
    public static ControlLimits Parse(string line)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not valid JSON: {ex.Message}", ex);
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("a baseline line must be a JSON object");
        }
        var productId = RequiredString(root, "product_id");
        var dateKey = RequiredString(root, "date_key");
        if (!DateOnly.TryParseExact(dateKey, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FormatException($"date_key '{dateKey}' is not a yyyy-MM-dd date");
        }
        var metric = root.TryGetProperty("metric", out var m) && m.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(m.GetString())
            ? m.GetString()!
            : DefaultMetric;
        return new ControlLimits
        {
            ProductId = productId,
            Metric = metric,
            Date = date,
            Mean = RequiredNumber(root, "mean"),
            StdDev = RequiredNumber(root, "std_dev"),
            Count = root.TryGetProperty("count", out var c) && c.TryGetInt64(out var count) ? count : 0,
            UclI = RequiredNumber(root, "ucl_i"),
            LclI = RequiredNumber(root, "lcl_i"),
            UclX = RequiredNumber(root, "ucl_x"),
            LclX = RequiredNumber(root, "lcl_x"),
            Source = LimitSource.Imported,
        };
    }

    private static string RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new FormatException($"'{name}' is missing or not a non-empty string");

    private static double RequiredNumber(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new FormatException($"'{name}' is missing or not a finite number");
}
