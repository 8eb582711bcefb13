using System.Globalization;
using Actors.Hosting.CommandLine;

namespace Actors.Admin.Input;

/// <summary>
/// Reads a <c>--since</c> value: a UTC time (<c>2026-02-17</c>, <c>2026-02-17 12:00:00</c>, ISO 8601 with <c>Z</c> or an
/// offset) or a duration back from now (<see cref="DurationParser"/>: <c>90s</c>, <c>15m</c>, <c>1h30m</c>, <c>7d</c>).
/// </summary>
public static class SinceParser
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ssK",
    ];

    /// <summary>The UTC time meant, or throws <see cref="FormatException"/> saying what is accepted.</summary>
    public static DateTime Parse(string text, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParseTime(text, out var time))
        {
            return time;
        }
        if (DurationParser.TryParse(text, out var back))
        {
            return utcNow - back;
        }
        throw new FormatException(
            $"'{text}' is not a time: use a UTC time such as 2026-02-17, '2026-02-17 12:00:00' or 2026-02-17T12:00:00Z, or a duration back from now such as 15m, 1h30m or 7d");
    }

    /// <summary>Reads a UTC time (not a duration) in one of the accepted formats.</summary>
    public static bool TryParseTime(string text, out DateTime time) =>
        DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
