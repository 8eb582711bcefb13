using Actors.Detection.Spc;
using Xunit;

namespace Actors.Detection.Tests.Spc;

public sealed class SpcCalendarTests
{
    [Fact]
    public void Utc_days_start_at_midnight_utc()
    {
        var calendar = new SpcCalendar();

        Assert.Equal(TimeZoneInfo.Utc, calendar.TimeZone);
        Assert.Equal(Utc(2026, 2, 17, 0, 0), calendar.StartOfDayUtc(new DateOnly(2026, 2, 17)));
        Assert.Equal(DateTimeKind.Utc, calendar.StartOfDayUtc(new DateOnly(2026, 2, 17)).Kind);
        Assert.Equal(new DateOnly(2026, 2, 16), calendar.DayOf(Utc(2026, 2, 17, 0, 0).AddTicks(-1)));
        Assert.Equal(new DateOnly(2026, 2, 17), calendar.DayOf(Utc(2026, 2, 17, 0, 0)));
        Assert.Equal(new DateOnly(2026, 2, 17), SpcCalendar.FromId("UTC").DayOf(Utc(2026, 2, 17, 23, 59)));
    }

    [Fact]
    public void Unspecified_kind_is_read_as_utc()
    {
        var calendar = SpcCalendar.FromId("Asia/Tokyo");

        Assert.Equal(new DateOnly(2026, 2, 17), calendar.DayOf(new DateTime(2026, 2, 16, 15, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal(new DateOnly(2026, 2, 16), calendar.DayOf(new DateTime(2026, 2, 16, 14, 59, 59, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void Tokyo_days_start_at_15_00_utc_the_day_before()
    {
        var calendar = SpcCalendar.FromId("Asia/Tokyo");

        Assert.Equal(Utc(2026, 2, 16, 15, 0), calendar.StartOfDayUtc(new DateOnly(2026, 2, 17)));
        Assert.Equal(new DateOnly(2026, 2, 16), calendar.DayOf(Utc(2026, 2, 16, 15, 0).AddTicks(-1)));
        Assert.Equal(new DateOnly(2026, 2, 17), calendar.DayOf(Utc(2026, 2, 16, 15, 0)));
        Assert.Equal(new DateOnly(2026, 2, 17), calendar.DayOf(Utc(2026, 2, 17, 14, 59)));
    }

    [Theory]
    [InlineData("Asia/Kolkata", 18, 30)]
    [InlineData("Asia/Kathmandu", 18, 15)]
    [InlineData("Australia/Eucla", 15, 15)]
    [InlineData("America/St_Johns", 3, 30)]
    public void Fractional_offsets_start_days_on_a_bucket_boundary(string zone, int hour, int minute)
    {
        var calendar = SpcCalendar.FromId(zone);
        var date = new DateOnly(2026, 2, 17);
        var expected = hour < 12 ? Utc(2026, 2, 17, hour, minute) : Utc(2026, 2, 16, hour, minute);

        var start = calendar.StartOfDayUtc(date);

        Assert.Equal(expected, start);
        Assert.Equal(start, ProductHistory.BucketStart(start));
        Assert.Equal(date, calendar.DayOf(start));
        Assert.Equal(date.AddDays(-1), calendar.DayOf(start.AddTicks(-1)));
    }

    [Fact]
    public void Berlin_spring_forward_day_is_23_hours_long()
    {
        var calendar = SpcCalendar.FromId("Europe/Berlin");
        var day = new DateOnly(2026, 3, 29);

        var start = calendar.StartOfDayUtc(day);
        var next = calendar.StartOfDayUtc(day.AddDays(1));

        Assert.Equal(Utc(2026, 3, 28, 23, 0), start);
        Assert.Equal(Utc(2026, 3, 29, 22, 0), next);
        Assert.Equal(TimeSpan.FromHours(23), next - start);
        Assert.Equal(day, calendar.DayOf(Utc(2026, 3, 29, 0, 59)));
        Assert.Equal(day, calendar.DayOf(Utc(2026, 3, 29, 1, 0)));
        Assert.Equal(day, calendar.DayOf(next.AddTicks(-1)));
        Assert.Equal(day.AddDays(1), calendar.DayOf(next));
    }

    [Fact]
    public void Berlin_fall_back_day_is_25_hours_long()
    {
        var calendar = SpcCalendar.FromId("Europe/Berlin");
        var day = new DateOnly(2026, 10, 25);

        var start = calendar.StartOfDayUtc(day);
        var next = calendar.StartOfDayUtc(day.AddDays(1));

        Assert.Equal(Utc(2026, 10, 24, 22, 0), start);
        Assert.Equal(Utc(2026, 10, 25, 23, 0), next);
        Assert.Equal(TimeSpan.FromHours(25), next - start);
        Assert.Equal(day, calendar.DayOf(next.AddTicks(-1)));
    }

    [Fact]
    public void A_daylight_saving_gap_at_midnight_starts_the_day_at_the_transition()
    {
        var calendar = SpcCalendar.FromId("America/Santiago");
        var day = new DateOnly(2026, 9, 6);

        var start = calendar.StartOfDayUtc(day);

        Assert.Equal(Utc(2026, 9, 6, 4, 0), start);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
        Assert.Equal(day, calendar.DayOf(start));
        Assert.Equal(day.AddDays(-1), calendar.DayOf(start.AddTicks(-1)));
    }

    [Fact]
    public void A_skipped_day_has_no_length_and_starts_at_the_transition()
    {
        var calendar = SpcCalendar.FromId("Pacific/Apia");
        var skipped = new DateOnly(2011, 12, 30);
        var transition = Utc(2011, 12, 30, 10, 0);

        Assert.Equal(transition, calendar.StartOfDayUtc(skipped));
        Assert.Equal(transition, calendar.StartOfDayUtc(skipped.AddDays(1)));
        Assert.Equal(skipped.AddDays(-1), calendar.DayOf(transition.AddTicks(-1)));
        Assert.Equal(skipped.AddDays(1), calendar.DayOf(transition));
    }

    [Fact]
    public void A_repeated_midnight_starts_the_day_at_its_first_occurrence()
    {
        var calendar = SpcCalendar.FromId("America/Havana");
        var day = new DateOnly(2026, 11, 1);

        var start = calendar.StartOfDayUtc(day);

        Assert.Equal(Utc(2026, 11, 1, 4, 0), start);
        Assert.Equal(day, calendar.DayOf(start));
        Assert.Equal(day.AddDays(-1), calendar.DayOf(start.AddTicks(-1)));
    }

    [Fact]
    public void Unknown_id_is_a_clear_argument_error()
    {
        var error = Assert.Throws<ArgumentException>(() => SpcCalendar.FromId("Mars/Olympus_Mons"));

        Assert.Equal("timeZoneId", error.ParamName);
        Assert.Contains("Mars/Olympus_Mons", error.Message);
        Assert.IsType<TimeZoneNotFoundException>(error.InnerException);
        Assert.Throws<ArgumentException>(() => SpcCalendar.FromId(" "));
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
