using System.Globalization;
using System.Text.RegularExpressions;

namespace Actors.Admin.Input;

/// <summary>
/// Reads a <c>--since</c> value: a UTC time (<c>2026-02-17</c>, <c>2026-02-17 12:00:00</c>, ISO 8601 with <c>Z</c> or an
/// offset) or a span back from now (<c>90s</c>, <c>15m</c>, <c>2h</c>, <c>7d</c>).
/// </summary>
public static partial class SinceParser
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ssK",
    ];

    /// <summary>The UTC time meant, or throws <see cref="FormatException"/> saying what is accepted.</summary>
    public static DateTime Parse(string text, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(text);
        var relative = RelativePattern().Match(text.Trim());
        if (relative.Success)
        {
            var amount = double.Parse(relative.Groups[1].Value, CultureInfo.InvariantCulture);
            var span = relative.Groups[2].Value switch
            {
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return utcNow - span;
        }
        if (DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }
        throw new FormatException(
            $"'{text}' is not a time: use a UTC time such as 2026-02-17, '2026-02-17 12:00:00' or 2026-02-17T12:00:00Z, or a span back from now such as 15m, 2h or 7d");
    }

    [GeneratedRegex("^([0-9]+(?:\\.[0-9]+)?)(s|m|h|d)$")]
    private static partial Regex RelativePattern();
}
