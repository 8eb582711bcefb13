using Actors.Detection.Spc;
using Actors.Detection.Statistics;
using Xunit;
using static Actors.Detection.Tests.Spc.TestReadings;

namespace Actors.Detection.Tests.Spc;

public sealed class SpcStateSerializationTests
{
    [Fact]
    public void Running_statistics_round_trip_bitwise()
    {
        var stats = default(RunningStatistics);
        stats.Add(1e6 + 0.1);
        stats.Add(1e6 + 0.3);
        stats.Add(1e6 - 0.7);

        var copy = SpcSerialization.RoundTrip(stats);

        Assert.Equal(stats.Count, copy.Count);
        Assert.Equal(BitConverter.DoubleToInt64Bits(stats.Mean), BitConverter.DoubleToInt64Bits(copy.Mean));
        Assert.Equal(BitConverter.DoubleToInt64Bits(stats.M2), BitConverter.DoubleToInt64Bits(copy.M2));
    }

    [Fact]
    public void Product_history_round_trips_with_buckets_watermarks_and_counters()
    {
        var start = new DateTime(2026, 2, 14, 0, 0, 0, DateTimeKind.Utc);
        var history = new ProductHistory();
        foreach (var reading in Line(9, start, TimeSpan.FromDays(3), "M-001", "M-002"))
        {
            history.Add(reading);
        }

        var last = Thickness("M-001", history.Watermark("M-001")!.Value, 1);
        history.Add(last);

        var copy = SpcSerialization.RoundTrip(history);

        Assert.Equal(history.Readings, copy.Readings);
        Assert.Equal(history.Duplicates, copy.Duplicates);
        Assert.Equal(1, copy.Duplicates);
        Assert.Equal(history.LatestEventUtc, copy.LatestEventUtc);
        Assert.Equal(history.Buckets, copy.Buckets);
        Assert.Equal(history.Aggregates(), copy.Aggregates());
        Assert.Equal(history.Watermark("M-002"), copy.Watermark("M-002"));
        Assert.False(copy.Add(last));
        Assert.Equal(
            history.ComputeLimits("B205", new DateOnly(2026, 2, 17), SpcCalendar.Utc, new SpcSettings()),
            copy.ComputeLimits("B205", new DateOnly(2026, 2, 17), SpcCalendar.Utc, new SpcSettings()));
    }
}
