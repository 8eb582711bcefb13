using Actors.Grains.Interfaces;
using Microsoft.Extensions.Options;

namespace Actors.Detection.Alarms;

/// <summary>Refuses command settings that cannot work, naming the key.</summary>
public sealed class CommandOptionsValidator : IValidateOptions<CommandOptions>
{
    public ValidateOptionsResult Validate(string? name, CommandOptions options)
    {
        var failures = new List<string>();
        foreach (var (rule, commands) in options.Rules)
        {
            var key = $"{CommandOptions.SectionName}:{nameof(CommandOptions.Rules)}:{rule}";
            if (!Enum.TryParse<AnomalyType>(rule, ignoreCase: true, out _) || int.TryParse(rule, out _))
            {
                failures.Add($"{key}: '{rule}' is not a rule; use one of {string.Join(", ", Enum.GetNames<AnomalyType>())}.");
            }
            foreach (var (state, route) in commands.Routes())
            {
                if (string.IsNullOrWhiteSpace(route.TopicArn) == string.IsNullOrWhiteSpace(route.StreamName))
                {
                    failures.Add($"{key}:{state}: set exactly one of {nameof(CommandRoute.TopicArn)} and {nameof(CommandRoute.StreamName)}.");
                }
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
