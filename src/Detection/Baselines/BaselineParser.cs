using System.Text.Json;
using Actors.Detection.Spc;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Baselines;

/// <summary>
/// Parses one line of the baseline format
/// <c>{"product_id": "B205", "date_key": "2026-02-17", "metric": "thickness", "mean": 50.0, "std_dev": 0.5, "ucl_i": 51.5, "lcl_i": 48.5, "ucl_x": 50.67, "lcl_x": 49.33}</c>
/// into imported <see cref="ControlLimits"/>, checked as <see cref="ControlLimitCalculator.FromBaseline"/> checks them.
/// The seed format has no <c>metric</c>; then <see cref="DefaultMetric"/> is used.
/// </summary>
public static class BaselineParser
{
    /// <summary>The metric of a baseline line without a <c>metric</c> field: the seed deployment charted thickness only.</summary>
    public const string DefaultMetric = "thickness";

    /// <summary>Returns the limits, or throws <see cref="FormatException"/> naming the missing or bad field.</summary>
    public static ControlLimits Parse(string line)
    {
        var baseline = Read(line);
        try
        {
            return ControlLimitCalculator.FromBaseline(
                baseline.ProductId,
                string.IsNullOrWhiteSpace(baseline.Metric) ? DefaultMetric : baseline.Metric,
                baseline.DateKey,
                baseline.Mean,
                baseline.StdDev,
                baseline.UclI,
                baseline.LclI,
                baseline.UclX,
                baseline.LclX,
                baseline.Count ?? 0);
        }
        catch (ArgumentException ex)
        {
            var field = JsonNamingPolicy.SnakeCaseLower.ConvertName(ex.ParamName ?? "line");
            throw new FormatException($"'{field}' is not valid: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
    }

    private static BaselineLine Read(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, BaselineJsonContext.Default.BaselineLine)
                ?? throw new FormatException("a baseline line must be a JSON object, not null");
        }
        catch (JsonException ex) when (ex.Path is ['$', '.', .. var field])
        {
            throw new FormatException($"'{field}' is not valid: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }
}
