namespace Actors.Detection.Spc;

/// <summary>
/// The calendar SPC days are counted in: which local date an instant falls on, and when a local date begins.
/// </summary>
public sealed class SpcCalendar
{
    private static readonly TimeSpan GapSearchSpan = TimeSpan.FromHours(30);

    /// <summary>Creates a calendar for <paramref name="timeZone"/>, or for UTC when it is <see langword="null"/>.</summary>
    public SpcCalendar(TimeZoneInfo? timeZone = null)
    {
        TimeZone = timeZone ?? TimeZoneInfo.Utc;
    }

    /// <summary>A calendar whose days start at midnight UTC.</summary>
    public static SpcCalendar Utc { get; } = new();

    /// <summary>The time zone whose local dates are the SPC days.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>
    /// A calendar for a time zone given by its IANA id (e.g. <c>Asia/Tokyo</c>, <c>UTC</c>); Windows ids are accepted
    /// where the platform knows them.
    /// </summary>
    /// <exception cref="ArgumentException">The id is empty or names no time zone known to this machine.</exception>
    public static SpcCalendar FromId(string timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            throw new ArgumentException("A time zone id is required, e.g. \"UTC\" or \"Asia/Tokyo\".", nameof(timeZoneId));
        }

        try
        {
            return new SpcCalendar(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId.Trim()));
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new ArgumentException(
                $"Unknown time zone id '{timeZoneId}'. Use an IANA id such as \"UTC\", \"Asia/Tokyo\" or \"Europe/Berlin\".",
                nameof(timeZoneId),
                e);
        }
        catch (InvalidTimeZoneException e)
        {
            throw new ArgumentException(
                $"The time zone data for '{timeZoneId}' on this machine is invalid or corrupt.", nameof(timeZoneId), e);
        }
    }

    /// <summary>The local calendar date of an instant.</summary>
    /// <param name="utc">The instant; <see cref="DateTimeKind.Unspecified"/> is read as UTC, local times are converted.</param>
    public DateOnly DayOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), TimeZone));

    /// <summary>
    /// The instant, as UTC, at which <paramref name="date"/> begins in this calendar's time zone: local midnight.
    /// When a daylight-saving change skips midnight, the day begins at the transition (the first local time that
    /// exists on that date); when midnight occurs twice, the day begins at its first occurrence.
    /// </summary>
    public DateTime StartOfDayUtc(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(midnight))
        {
            return FirstInstantAtOrAfter(midnight);
        }

        if (TimeZone.IsAmbiguousTime(midnight))
        {
            var largestOffset = TimeZone.GetAmbiguousTimeOffsets(midnight).Max();
            return DateTime.SpecifyKind(midnight - largestOffset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(midnight, TimeZone);
    }

    /// <inheritdoc />
    public override string ToString() => TimeZone.Id;

    /// <summary><paramref name="date"/> moved by <paramref name="days"/>, held within <see cref="DateOnly.MinValue"/> and <see cref="DateOnly.MaxValue"/>.</summary>
    public static DateOnly AddDays(DateOnly date, int days) =>
        DateOnly.FromDayNumber((int)Math.Clamp((long)date.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

    /// <summary>Normalizes a timestamp to a UTC <see cref="DateTime"/>: unspecified is read as UTC, local is converted.</summary>
    internal static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private DateTime FirstInstantAtOrAfter(DateTime localTime)
    {
        var low = (localTime - GapSearchSpan).Ticks;
        var high = (localTime + GapSearchSpan).Ticks;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            var local = TimeZoneInfo.ConvertTimeFromUtc(new DateTime(middle, DateTimeKind.Utc), TimeZone);
            if (local >= localTime)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return new DateTime(low, DateTimeKind.Utc);
    }
}
