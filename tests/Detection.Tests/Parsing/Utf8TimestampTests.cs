using System.Text;
using Actors.Detection.Parsing;
using Xunit;

namespace Actors.Detection.Tests.Parsing;

public sealed class Utf8TimestampTests
{
    [Theory]
    [InlineData("2026-02-17 12:00:34", 0)]
    [InlineData("2026-02-17T12:00:34", 0)]
    [InlineData("2026-02-17T12:00:34Z", 0)]
    [InlineData("2026-02-17t12:00:34z", 0)]
    [InlineData("2026-02-17 12:00:34.5", 5_000_000)]
    [InlineData("2026-02-17 12:00:34.986204", 9_862_040)]
    [InlineData("2026-02-17 12:00:34.1234567", 1_234_567)]
    [InlineData("2026-02-17T12:00:34.123456789Z", 1_234_567)]
    [InlineData("2026-02-17T12:00:34.123Z", 1_230_000)]
    public void Utc_times_keep_their_fraction(string text, long fractionTicks)
    {
        var expected = new DateTime(2026, 2, 17, 12, 0, 34, DateTimeKind.Utc).AddTicks(fractionTicks);

        Assert.True(Utf8Timestamp.TryParse(Encoding.UTF8.GetBytes(text), out var utc));
        Assert.Equal(expected, utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Theory]
    [InlineData("2026-02-17 12:00:34+09:00", 3, 0)]
    [InlineData("2026-02-17T12:00:34+0900", 3, 0)]
    [InlineData("2026-02-17T12:00:34+09", 3, 0)]
    [InlineData("2026-02-17T12:00:34-05:30", 17, 30)]
    [InlineData("2026-02-17T12:00:34+00:00", 12, 0)]
    [InlineData("2026-02-17T12:00:34-00:00", 12, 0)]
    public void Offsets_are_converted_to_utc(string text, int utcHour, int utcMinute)
    {
        Assert.True(Utf8Timestamp.TryParse(Encoding.UTF8.GetBytes(text), out var utc));
        Assert.Equal(new DateTime(2026, 2, 17, utcHour, utcMinute, 34, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void Offset_can_cross_midnight_and_year()
    {
        Assert.True(Utf8Timestamp.TryParse("2026-01-01 01:00:00.25+02:00"u8, out var utc));
        Assert.Equal(new DateTime(2025, 12, 31, 23, 0, 0, 250, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void Leap_day_is_accepted_only_in_leap_years()
    {
        Assert.True(Utf8Timestamp.TryParse("2024-02-29 00:00:00"u8, out _));
        Assert.False(Utf8Timestamp.TryParse("2026-02-29 00:00:00"u8, out _));
    }

    [Fact]
    public void Digits_only_text_is_epoch_milliseconds()
    {
        Assert.True(Utf8Timestamp.TryParse("1491869809384"u8, out var utc));
        Assert.Equal(new DateTime(2017, 4, 11, 0, 16, 49, 384, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void Epoch_milliseconds_cover_the_datetime_range_and_no_more()
    {
        Assert.True(Utf8Timestamp.TryFromUnixMilliseconds(0L, out var epoch));
        Assert.Equal(DateTime.UnixEpoch, epoch);
        Assert.True(Utf8Timestamp.TryFromUnixMilliseconds(-1L, out var before));
        Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(-1), before);
        Assert.True(Utf8Timestamp.TryFromUnixMilliseconds(253_402_300_799_999L, out var last));
        Assert.Equal(new DateTime(9999, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc), last);
        Assert.False(Utf8Timestamp.TryFromUnixMilliseconds(253_402_300_800_000L, out _));
        Assert.False(Utf8Timestamp.TryFromUnixMilliseconds(-62_135_596_800_001L, out _));
        Assert.False(Utf8Timestamp.TryFromUnixMilliseconds(double.NaN, out _));
        Assert.True(Utf8Timestamp.TryFromUnixMilliseconds(1.5, out var fractional));
        Assert.Equal(DateTime.UnixEpoch.AddTicks(15_000), fractional);
    }

    [Fact]
    public void Offset_pushing_past_the_datetime_range_is_rejected()
    {
        Assert.False(Utf8Timestamp.TryParse("0001-01-01 00:00:00+01:00"u8, out _));
        Assert.False(Utf8Timestamp.TryParse("9999-12-31 23:59:59-01:00"u8, out _));
        Assert.True(Utf8Timestamp.TryParse("0001-01-01 00:00:00-01:00"u8, out var early));
        Assert.Equal(new DateTime(1, 1, 1, 1, 0, 0, DateTimeKind.Utc), early);
    }
}
