using Actors.Grains.Sinks;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Options;

/// <summary>Checks <see cref="NotifierOptions"/>; sink names must be among the registered sinks.</summary>
public sealed class NotifierOptionsValidator(IEnumerable<INotificationSink> sinks) : IValidateOptions<NotifierOptions>
{
    public ValidateOptionsResult Validate(string? name, NotifierOptions options)
    {
        var failures = new List<string>();
        if (options.Shards < 1)
        {
            failures.Add($"{NotifierOptions.SectionName}:{nameof(options.Shards)} must be at least 1 (was {options.Shards}).");
        }
        if (options.Cooldown < TimeSpan.Zero)
        {
            failures.Add($"{NotifierOptions.SectionName}:{nameof(options.Cooldown)} must not be negative.");
        }
        if (options.CommitInterval < TimeSpan.Zero)
        {
            failures.Add($"{NotifierOptions.SectionName}:{nameof(options.CommitInterval)} must not be negative (zero commits before each device call returns).");
        }
        if (options.DeliveryInterval <= TimeSpan.Zero)
        {
            failures.Add($"{NotifierOptions.SectionName}:{nameof(options.DeliveryInterval)} must be positive.");
        }
        if (options.DedupRetention <= TimeSpan.Zero || options.DeliveryTimeout <= TimeSpan.Zero || options.DegradedAfter <= TimeSpan.Zero)
        {
            failures.Add($"{NotifierOptions.SectionName}:{nameof(options.DedupRetention)}, {nameof(options.DeliveryTimeout)} and {nameof(options.DegradedAfter)} must be positive.");
        }
        if (options.DedupRetention < 2 * options.Cooldown)
        {
            failures.Add($"{NotifierOptions.SectionName}:{nameof(options.DedupRetention)} must be at least twice {nameof(options.Cooldown)}: a shard rebuilds its cooldowns from the segments it keeps.");
        }
        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{NotifierOptions.SectionName}:{nameof(options.RetryBaseDelay)} must be positive and at most {nameof(options.RetryMaxDelay)}.");
        }
        var known = sinks.Select(s => s.Name).ToList();
        foreach (var sink in options.Sinks.Where(s => !known.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            failures.Add($"{NotifierOptions.SectionName}:{nameof(options.Sinks)} names unknown sink '{sink}' (known: {string.Join(", ", known)}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
