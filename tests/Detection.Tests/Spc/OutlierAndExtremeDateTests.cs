using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Detection.Tests.Spc.TestReadings;

namespace Actors.Detection.Tests.Spc;

/// <summary>
/// Issue 12: one record cannot drive a product's pruning (item 2), and no date a reading or a request can carry makes
/// the SPC arithmetic throw (item 3).
/// </summary>
public sealed class OutlierAndExtremeDateTests
{
    private static readonly DateTime DayStart = new(2026, 2, 17, 0, 0, 0, DateTimeKind.Utc);
    private static readonly SpcOptions Settings = new();

    public static TheoryData<string> TimeZones => ["UTC", "Asia/Tokyo", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu"];

    [Fact]
    public void One_far_future_record_of_an_unknown_device_does_not_prune_the_product()
    {
        var readings = Line(3, DayStart.AddHours(-72), TimeSpan.FromHours(72), "M-001", "M-002");
        var clean = new ProductHistory();
        var attacked = new ProductHistory();
        foreach (var (reading, i) in readings.Select((r, i) => (r, i)))
        {
            clean.Add(reading);
            attacked.Add(reading);
            if (i == readings.Count / 2)
            {
                attacked.Add(Thickness("unknown", new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc), 50));
                attacked.Prune(SpcCalendar.Utc, Settings);
            }
        }
        clean.Prune(SpcCalendar.Utc, Settings);
        attacked.Prune(SpcCalendar.Utc, Settings);

        var expected = clean.ComputeLimits("B205", DateOnly.FromDateTime(DayStart), SpcCalendar.Utc, Settings);
        Assert.Equal(2, expected.Length);
        Assert.Equal(expected, attacked.ComputeLimits("B205", DateOnly.FromDateTime(DayStart), SpcCalendar.Utc, Settings));
        Assert.Equal(clean.LatestEventUtc, attacked.LatestEventUtc);
        Assert.Equal(1, attacked.Outliers);
        Assert.Equal(clean.Readings, attacked.Readings);
    }

    [Fact]
    public void Product_made_again_after_a_long_pause_counts_from_its_second_reading()
    {
        var history = new ProductHistory();
        history.Add(Thickness("M-001", DayStart, 50));
        var back = DayStart.AddDays(40);

        Assert.False(history.Add(Thickness("M-001", back, 50)));
        Assert.True(history.Add(Thickness("M-002", back.AddMinutes(1), 50)));
        history.Prune(SpcCalendar.Utc, Settings);

        Assert.Equal(back.AddMinutes(1), history.LatestEventUtc);
        Assert.Equal(1, history.Outliers);
        Assert.Equal(1, history.Window("thickness", DateTime.MinValue, DateTime.MaxValue).Count);
    }

    [Theory]
    [MemberData(nameof(TimeZones))]
    public void Calendar_arithmetic_never_throws_at_the_ends_of_the_calendar(string timeZone)
    {
        var calendar = SpcCalendar.FromId(timeZone);
        var dates = new[] { DateOnly.MinValue, DateOnly.MinValue.AddDays(1), DateOnly.MinValue.AddDays(14), DateOnly.MaxValue.AddDays(-1), DateOnly.MaxValue };

        foreach (var date in dates)
        {
            var start = calendar.StartOfDayUtc(date);
            Assert.Equal(DateTimeKind.Utc, start.Kind);
            Assert.InRange(SpcCalendar.AddDays(date, -14), DateOnly.MinValue, date);
            Assert.InRange(SpcCalendar.AddDays(date, 14), date, DateOnly.MaxValue);
            Assert.Empty(new ProductHistory().ComputeLimits("B205", date, calendar, Settings));

            var book = new LimitBook();
            book.Resolve(date, () => []);
            book.Prune(date, Settings);
            book.Prune(SpcCalendar.AddDays(date, -Settings.HistoryDays));
        }
        foreach (var instant in new[] { DateTime.MinValue, new DateTime(1, 1, 14, 0, 0, 0, DateTimeKind.Utc), DateTime.MaxValue })
        {
            calendar.DayOf(instant);
        }
    }

    [Theory]
    [MemberData(nameof(TimeZones))]
    public void Readings_at_the_ends_of_the_calendar_are_counted_and_pruned_without_throwing(string timeZone)
    {
        var calendar = SpcCalendar.FromId(timeZone);
        foreach (var instant in new[] { DateTime.MinValue, new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(13), DateTime.MaxValue.AddDays(-1), DateTime.MaxValue })
        {
            var history = new ProductHistory();
            Assert.True(history.Add(new Reading { DeviceId = "d", ProductId = "B205", Timestamp = instant, Metrics = [new Metric("thickness", 50)] }));
            history.Prune(calendar, Settings);
            history.ComputeLimits("B205", calendar.DayOf(instant), calendar, Settings);
        }
    }
}
