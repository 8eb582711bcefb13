using Microsoft.Extensions.Options;

namespace Actors.Detection.Spc;

/// <summary>Validates <see cref="SpcOptions"/> on start; each failure names the bad property and its value.</summary>
public sealed class SpcOptionsValidator : IValidateOptions<SpcOptions>
{
    /// <summary>Longest window accepted: one year.</summary>
    public const int MaxWindowHours = 24 * 366;

    /// <summary>Longest history accepted: ten years.</summary>
    public const int MaxHistoryDays = 3660;

    /// <summary>Most chart points kept per series: they are persisted with the product grain on every batch.</summary>
    public const int MaxChartPoints = 1000;

    /// <summary>Most series with chart points per product.</summary>
    public const int MaxChartSeries = 256;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem with <paramref name="options"/>, one message each; empty when they are valid.</summary>
    public static IReadOnlyList<string> Failures(SpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var prefix = SpcOptions.SectionName + ":";
        if (string.IsNullOrWhiteSpace(options.TimeZone))
        {
            failures.Add($"{prefix}{nameof(SpcOptions.TimeZone)} is required, e.g. \"UTC\" or \"Asia/Tokyo\".");
        }
        else
        {
            try
            {
                SpcCalendar.FromId(options.TimeZone);
            }
            catch (ArgumentException e)
            {
                failures.Add($"{prefix}{nameof(SpcOptions.TimeZone)}: {e.Message}");
            }
        }

        if (options.WindowHours is < 1 or > MaxWindowHours)
        {
            failures.Add($"{prefix}{nameof(SpcOptions.WindowHours)} must be between 1 and {MaxWindowHours}, got {options.WindowHours}.");
        }

        if (options.MinReadings < 2)
        {
            failures.Add($"{prefix}{nameof(SpcOptions.MinReadings)} must be at least 2 (a sample standard deviation needs two readings), got {options.MinReadings}.");
        }

        if (options.HistoryDays is < 1 or > MaxHistoryDays)
        {
            failures.Add($"{prefix}{nameof(SpcOptions.HistoryDays)} must be between 1 and {MaxHistoryDays}, got {options.HistoryDays}.");
        }

        if (options.MaxEventTimeJump <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}{nameof(SpcOptions.MaxEventTimeJump)} must be positive, got {options.MaxEventTimeJump}.");
        }

        if (options.Charts.ProductId is not null || options.Charts.Metric is not null)
        {
            failures.Add($"{prefix}Charts applies to every product and metric: put ProductId and Metric in an {nameof(SpcOptions.Overrides)} entry.");
        }

        var global = SeriesRules.Default.With(options.Charts);
        failures.AddRange(global.Failures($"{prefix}Charts:"));
        for (var i = 0; i < options.Overrides.Count; i++)
        {
            var layer = options.Overrides[i];
            var overridePrefix = $"{prefix}{nameof(SpcOptions.Overrides)}:{i}:";
            if (layer is null || (string.IsNullOrWhiteSpace(layer.ProductId) && string.IsNullOrWhiteSpace(layer.Metric)))
            {
                failures.Add($"{overridePrefix} an override names a ProductId, a Metric, or both.");
                continue;
            }

            failures.AddRange(global.With(layer).Failures(overridePrefix));
        }

        if (options.ChartPoints is < 0 or > MaxChartPoints)
        {
            failures.Add($"{prefix}{nameof(SpcOptions.ChartPoints)} must be between 0 and {MaxChartPoints}, got {options.ChartPoints}.");
        }

        if (options.ChartWriteInterval < TimeSpan.Zero)
        {
            failures.Add($"{prefix}{nameof(SpcOptions.ChartWriteInterval)} must not be negative, got {options.ChartWriteInterval}.");
        }

        if (options.ChartSeries is < 1 or > MaxChartSeries)
        {
            failures.Add($"{prefix}{nameof(SpcOptions.ChartSeries)} must be between 1 and {MaxChartSeries}, got {options.ChartSeries}.");
        }

        return failures;
    }
}
