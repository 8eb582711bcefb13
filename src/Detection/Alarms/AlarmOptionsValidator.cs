using Actors.Grains.Interfaces;
using Microsoft.Extensions.Options;

namespace Actors.Detection.Alarms;

/// <summary>Refuses alarm settings that cannot work, naming the key.</summary>
public sealed class AlarmOptionsValidator : IValidateOptions<AlarmOptions>
{
    public ValidateOptionsResult Validate(string? name, AlarmOptions options)
    {
        var failures = new List<string>();
        if (options.IndexShards < 1)
        {
            failures.Add($"{AlarmOptions.SectionName}:{nameof(AlarmOptions.IndexShards)} must be at least 1.");
        }
        if (options.IndexWriteInterval <= TimeSpan.Zero)
        {
            failures.Add($"{AlarmOptions.SectionName}:{nameof(AlarmOptions.IndexWriteInterval)} must be positive.");
        }
        if (options.TimerInterval <= TimeSpan.Zero)
        {
            failures.Add($"{AlarmOptions.SectionName}:{nameof(AlarmOptions.TimerInterval)} must be positive.");
        }
        foreach (var (rule, settings) in options.Rules)
        {
            var key = $"{AlarmOptions.SectionName}:{nameof(AlarmOptions.Rules)}:{rule}";
            if (!Enum.TryParse<AnomalyType>(rule, ignoreCase: true, out _) || int.TryParse(rule, out _))
            {
                failures.Add($"{key}: '{rule}' is not a rule; use one of {string.Join(", ", Enum.GetNames<AnomalyType>())}.");
            }
            if (settings.Severity < 0)
            {
                failures.Add($"{key}:{nameof(AlarmRuleOptions.Severity)} must be 0 or more.");
            }
            if (!(settings.Deadband >= 0) || double.IsInfinity(settings.Deadband))
            {
                failures.Add($"{key}:{nameof(AlarmRuleOptions.Deadband)} must be a finite number, 0 or more.");
            }
            if (settings.ClearAfterReadings < 1)
            {
                failures.Add($"{key}:{nameof(AlarmRuleOptions.ClearAfterReadings)} must be at least 1.");
            }
            if (settings.QuietPeriod < TimeSpan.Zero)
            {
                failures.Add($"{key}:{nameof(AlarmRuleOptions.QuietPeriod)} must not be negative.");
            }
            if (settings.RenotifyInterval is { } renotify && renotify <= TimeSpan.Zero)
            {
                failures.Add($"{key}:{nameof(AlarmRuleOptions.RenotifyInterval)} must be positive when set.");
            }
            if (settings.EscalateAfter is { } escalate && escalate < TimeSpan.Zero)
            {
                failures.Add($"{key}:{nameof(AlarmRuleOptions.EscalateAfter)} must not be negative.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
