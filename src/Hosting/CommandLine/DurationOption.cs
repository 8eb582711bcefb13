using System.CommandLine;
using System.CommandLine.Parsing;

namespace Actors.Hosting.CommandLine;

/// <summary>Command-line options that take a duration through <see cref="DurationParser"/>.</summary>
public static class DurationOption
{
    /// <summary>An option whose value is null when it is not given.</summary>
    public static Option<TimeSpan?> Optional(string name, string description) => new(name)
    {
        Description = $"{description}; e.g. {DurationParser.Examples}",
        HelpName = "duration",
        CustomParser = result => Parse(result),
    };

    /// <summary>An option with a default value.</summary>
    public static Option<TimeSpan> WithDefault(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = $"{description}; e.g. {DurationParser.Examples}",
        HelpName = "duration",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(result) ?? defaultValue,
    };

    private static TimeSpan? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
        if (DurationParser.TryParse(text, out var duration))
        {
            return duration;
        }
        result.AddError($"{(result.Parent as OptionResult)?.Option.Name ?? "duration"}: '{text}' is not a duration: use e.g. {DurationParser.Examples}");
        return null;
    }
}
