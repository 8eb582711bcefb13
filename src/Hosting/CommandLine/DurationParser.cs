using System.Globalization;
using System.Text.RegularExpressions;

namespace Actors.Hosting.CommandLine;

/// <summary>
/// Reads a duration as the command lines accept it: units largest first (<c>20s</c>, <c>15m</c>, <c>1h30m</c>,
/// <c>2d</c>, <c>1.5h</c>, <c>250ms</c>), a .NET time span with colons (<c>00:20:00</c>, <c>1.12:00:00</c>), or <c>0</c>.
/// </summary>
public static partial class DurationParser
{
    /// <summary>Examples for help texts and error messages.</summary>
    public const string Examples = "20s, 15m, 1h30m, 2d or 00:20:00";

    private static readonly string[] UnitsLargestFirst = ["d", "h", "m", "s", "ms"];

    /// <summary>The duration <paramref name="text"/> means, or throws <see cref="FormatException"/> saying what is accepted.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a duration: use e.g. {Examples}");

    /// <summary>Whether <paramref name="text"/> is a duration (never negative); <paramref name="duration"/> is it.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }
        if (trimmed == "0")
        {
            return true;
        }
        if (trimmed.Contains(':'))
        {
            return TimeSpan.TryParseExact(trimmed, "c", CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
        }
        return TryParseUnits(trimmed, out duration);
    }

    private static bool TryParseUnits(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var parts = UnitPart().Matches(text);
        if (parts.Count == 0 || parts.Sum(p => p.Length) != text.Length)
        {
            return false;
        }
        var previousUnit = -1;
        foreach (Match part in parts)
        {
            var unit = Array.IndexOf(UnitsLargestFirst, part.Groups[2].Value);
            if (unit <= previousUnit || !double.TryParse(part.Groups[1].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }
            previousUnit = unit;
            var ticks = amount * UnitTicks(unit);
            if (ticks >= TimeSpan.MaxValue.Ticks - duration.Ticks)
            {
                return false;
            }
            duration += TimeSpan.FromTicks((long)Math.Round(ticks));
        }
        return true;
    }

    private static double UnitTicks(int unit) => unit switch
    {
        0 => TimeSpan.TicksPerDay,
        1 => TimeSpan.TicksPerHour,
        2 => TimeSpan.TicksPerMinute,
        3 => TimeSpan.TicksPerSecond,
        _ => TimeSpan.TicksPerMillisecond,
    };

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(ms|d|h|m|s)", RegexOptions.CultureInvariant)]
    private static partial Regex UnitPart();
}
