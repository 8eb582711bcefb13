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
    public void Source_watermarks_round_trip()
    {
        var marks = new SourceWatermarks();
        marks.Advance("readings/shardId-000000000000", "49590338271490256608559692538361571095921575989136588898");
        marks.Advance("run:1", "170001");

        var copy = SpcSerialization.RoundTrip(marks);

        Assert.Equal(2, copy.Count);
        Assert.Equal("49590338271490256608559692538361571095921575989136588898", copy.Of("readings/shardId-000000000000"));
        Assert.False(copy.IsNew("run:1", "170001"));
        Assert.True(copy.IsNew("run:1", "170002"));
    }

    [Fact]
    public void Product_history_round_trips_with_buckets_and_counters()
    {
        var start = new DateTime(2026, 2, 14, 0, 0, 0, DateTimeKind.Utc);
        var history = new ProductHistory();
        foreach (var reading in Line(9, start, TimeSpan.FromDays(3), "M-001", "M-002"))
        {
            history.Add(reading);
        }

        var copy = SpcSerialization.RoundTrip(history);

        Assert.Equal(history.Readings, copy.Readings);
        Assert.Equal(history.LatestEventUtc, copy.LatestEventUtc);
        Assert.Equal(history.Buckets, copy.Buckets);
        Assert.Equal(history.Aggregates(), copy.Aggregates());
        Assert.Equal(
            history.ComputeLimits("B205", new DateOnly(2026, 2, 17), SpcCalendar.Utc, new SpcOptions()),
            copy.ComputeLimits("B205", new DateOnly(2026, 2, 17), SpcCalendar.Utc, new SpcOptions()));
    }
}
