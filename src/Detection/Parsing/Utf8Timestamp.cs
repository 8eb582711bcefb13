using System.Buffers.Text;

namespace Actors.Detection.Parsing;

/// <summary>Parses the event-time formats devices send, straight from UTF-8 bytes, to a UTC <see cref="DateTime"/>.</summary>
/// <remarks>
/// Accepted: <c>yyyy-MM-dd HH:mm:ss</c> or <c>yyyy-MM-ddTHH:mm:ss</c>, an optional fraction of 1 to 9 digits
/// (digits beyond the 7th, i.e. below 100 ns, are truncated), then nothing (UTC), <c>Z</c>, or an offset
/// <c>±HH</c>, <c>±HH:mm</c>, <c>±HHmm</c>; or a string of only digits, taken as epoch milliseconds.
/// </remarks>
public static class Utf8Timestamp
{
    private const long MinUnixMilliseconds = -62_135_596_800_000;
    private const long MaxUnixMilliseconds = 253_402_300_799_999;
    private const int MaxFractionDigits = 9;
    private const int TicksFractionDigits = 7;
    private const int MaxOffsetHours = 14;

    /// <summary>Parses a date-time text or a digits-only epoch-milliseconds text.</summary>
    /// <returns>False when the text is in no accepted format or out of range.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateTime utc)
    {
        if (IsAllDigits(utf8))
        {
            utc = default;
            return Utf8Parser.TryParse(utf8, out long milliseconds, out var consumed)
                && consumed == utf8.Length
                && TryFromUnixMilliseconds(milliseconds, out utc);
        }
        return TryParseDateTime(utf8, out utc);
    }

    /// <summary>Converts epoch milliseconds to UTC.</summary>
    /// <returns>False when outside the range of <see cref="DateTime"/>.</returns>
    public static bool TryFromUnixMilliseconds(long milliseconds, out DateTime utc)
    {
        if (milliseconds is < MinUnixMilliseconds or > MaxUnixMilliseconds)
        {
            utc = default;
            return false;
        }
        utc = new DateTime(DateTime.UnixEpoch.Ticks + milliseconds * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        return true;
    }

    /// <summary>Converts fractional epoch milliseconds to UTC, truncated to 100 ns.</summary>
    /// <returns>False when not finite or outside the range of <see cref="DateTime"/>.</returns>
    public static bool TryFromUnixMilliseconds(double milliseconds, out DateTime utc)
    {
        if (!double.IsFinite(milliseconds) || milliseconds < MinUnixMilliseconds || milliseconds >= MaxUnixMilliseconds + 1)
        {
            utc = default;
            return false;
        }
        var ticks = DateTime.UnixEpoch.Ticks + (long)(milliseconds * TimeSpan.TicksPerMillisecond);
        utc = new DateTime(Math.Clamp(ticks, 0, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
        return true;
    }

    private static bool TryParseDateTime(ReadOnlySpan<byte> s, out DateTime utc)
    {
        utc = default;
        if (s.Length < 19
            || !TryDigits(s[..4], out var year) || s[4] != '-'
            || !TryDigits(s.Slice(5, 2), out var month) || s[7] != '-'
            || !TryDigits(s.Slice(8, 2), out var day) || s[10] is not ((byte)' ' or (byte)'T' or (byte)'t')
            || !TryDigits(s.Slice(11, 2), out var hour) || s[13] != ':'
            || !TryDigits(s.Slice(14, 2), out var minute) || s[16] != ':'
            || !TryDigits(s.Slice(17, 2), out var second))
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var rest = s[19..];
        long fractionTicks = 0;
        if (!rest.IsEmpty && rest[0] == '.')
        {
            var digits = CountDigits(rest[1..]);
            if (digits is 0 or > MaxFractionDigits)
            {
                return false;
            }
            fractionTicks = FractionToTicks(rest.Slice(1, digits));
            rest = rest[(1 + digits)..];
        }
        if (!TryParseOffset(rest, out var offsetMinutes))
        {
            return false;
        }

        var ticks = new DateTime(year, month, day).Ticks
            + hour * TimeSpan.TicksPerHour
            + minute * TimeSpan.TicksPerMinute
            + second * TimeSpan.TicksPerSecond
            + fractionTicks
            - offsetMinutes * TimeSpan.TicksPerMinute;
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        utc = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    private static bool TryParseOffset(ReadOnlySpan<byte> s, out int minutes)
    {
        minutes = 0;
        if (s.IsEmpty)
        {
            return true;
        }
        if (s.Length == 1)
        {
            return s[0] is (byte)'Z' or (byte)'z';
        }
        if (s[0] is not ((byte)'+' or (byte)'-') || !TryDigits(s.Slice(1, 2), out var hours))
        {
            return false;
        }
        var rest = s[3..];
        var offsetMinutes = 0;
        if (rest.Length == 3 && rest[0] == ':')
        {
            rest = rest[1..];
        }
        if (rest.Length == 2)
        {
            if (!TryDigits(rest, out offsetMinutes))
            {
                return false;
            }
        }
        else if (!rest.IsEmpty)
        {
            return false;
        }
        if (hours > MaxOffsetHours || offsetMinutes > 59)
        {
            return false;
        }
        minutes = (hours * 60 + offsetMinutes) * (s[0] == '-' ? -1 : 1);
        return true;
    }

    private static long FractionToTicks(ReadOnlySpan<byte> digits)
    {
        long ticks = 0;
        for (var i = 0; i < TicksFractionDigits; i++)
        {
            ticks = ticks * 10 + (i < digits.Length ? digits[i] - '0' : 0);
        }
        return ticks;
    }

    private static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return false;
            }
            value = value * 10 + (b - '0');
        }
        return true;
    }

    private static int CountDigits(ReadOnlySpan<byte> s)
    {
        var count = 0;
        while (count < s.Length && char.IsAsciiDigit((char)s[count]))
        {
            count++;
        }
        return count;
    }

    private static bool IsAllDigits(ReadOnlySpan<byte> s) => !s.IsEmpty && CountDigits(s) == s.Length;
}
