using Microsoft.Extensions.Options;

namespace Actors.Detection.NoData;

/// <summary>Refuses no-data settings that cannot work, naming the key.</summary>
public sealed class NoDataOptionsValidator : IValidateOptions<NoDataOptions>
{
    /// <summary>The longest silence that can be configured.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(366);

    public ValidateOptionsResult Validate(string? name, NoDataOptions options)
    {
        const string prefix = NoDataOptions.SectionName + ":";
        var failures = new List<string>();
        if (options.After is { } after && (after < TimeSpan.Zero || after > Longest))
        {
            failures.Add($"{prefix}{nameof(NoDataOptions.After)} must be between 0 and {Longest.Days} days.");
        }
        if (options.Shards < 1)
        {
            failures.Add($"{prefix}{nameof(NoDataOptions.Shards)} must be at least 1.");
        }
        if (options.Resolution < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{prefix}{nameof(NoDataOptions.Resolution)} must be at least 1 second.");
        }
        if (options.SweepInterval <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}{nameof(NoDataOptions.SweepInterval)} must be positive.");
        }
        if (options.MaxChecksPerSweep < 1)
        {
            failures.Add($"{prefix}{nameof(NoDataOptions.MaxChecksPerSweep)} must be at least 1.");
        }
        for (var i = 0; i < options.Overrides.Count; i++)
        {
            var entry = options.Overrides[i];
            var key = $"{prefix}{nameof(NoDataOptions.Overrides)}:{i}";
            if ((entry.DeviceId is null) == (entry.ProductId is null))
            {
                failures.Add($"{key}: set exactly one of {nameof(NoDataOverride.DeviceId)} and {nameof(NoDataOverride.ProductId)}.");
            }
            if (entry.After < TimeSpan.Zero || entry.After > Longest)
            {
                failures.Add($"{key}:{nameof(NoDataOverride.After)} must be between 0 and {Longest.Days} days.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
