using Actors.Detection.Spc;
using Actors.Detection.Statistics;
using Actors.Grains.Interfaces;
using MathNet.Numerics.Statistics;
using RunningStatistics = Actors.Detection.Statistics.RunningStatistics;
using Xunit;
using static Actors.Detection.Tests.Spc.TestReadings;

namespace Actors.Detection.Tests.Spc;

public sealed class ProductHistoryTests
{
    private static readonly DateOnly Day = new(2026, 2, 17);
    private static readonly DateTime DayStart = new(2026, 2, 17, 0, 0, 0, DateTimeKind.Utc);
    private static readonly SpcOptions FewReadings = new() { MinReadings = 2 };

    [Fact]
    public void Window_is_72_hours_before_the_day_start_inclusive_of_its_start_and_exclusive_of_the_day()
    {
        var history = new ProductHistory();
        history.Add(Thickness("a", DayStart.AddHours(-72).AddTicks(-1), -1000));
        history.Add(Thickness("b", DayStart.AddHours(-72), 10));
        history.Add(Thickness("c", DayStart.AddHours(-72).AddMinutes(1), 12));
        history.Add(Thickness("d", DayStart.AddTicks(-1), 14));
        history.Add(Thickness("e", DayStart, 1000));

        var limits = Assert.Single(history.ComputeLimits("B205", Day, SpcCalendar.Utc, FewReadings));

        Assert.Equal(3, limits.Count);
        Assert.Equal(12, limits.Mean);
        Assert.Equal(2, limits.StdDev, 12);
        Assert.Equal(Day, limits.Date);
        Assert.Equal("thickness", limits.Metric);
        Assert.Equal(LimitSource.Computed, limits.Source);
        Assert.Equal(5, history.Window("thickness", DateTime.MinValue, DateTime.MaxValue).Count);
    }

    [Fact]
    public void Window_follows_the_calendar_day_start()
    {
        var tokyo = SpcCalendar.FromId("Asia/Tokyo");
        var end = new DateTime(2026, 2, 16, 15, 0, 0, DateTimeKind.Utc);
        var history = new ProductHistory();
        history.Add(Thickness("a", end.AddHours(-72), 1));
        history.Add(Thickness("a", end.AddHours(-1), 3));
        history.Add(Thickness("a", end, 100));

        var limits = Assert.Single(history.ComputeLimits("B205", Day, tokyo, FewReadings));

        Assert.Equal(2, limits.Count);
        Assert.Equal(2, limits.Mean);
    }

    [Fact]
    public void Fewer_than_MinReadings_gives_no_limits()
    {
        var settings = new SpcOptions();
        var history = new ProductHistory();
        for (var i = 0; i < 29; i++)
        {
            history.Add(Thickness("a", DayStart.AddHours(-1).AddMinutes(i), 50 + i % 3));
        }

        Assert.Empty(history.ComputeLimits("B205", Day, SpcCalendar.Utc, settings));

        history.Add(Thickness("a", DayStart.AddMinutes(-1), 50));

        var limits = Assert.Single(history.ComputeLimits("B205", Day, SpcCalendar.Utc, settings));
        Assert.Equal(30, limits.Count);
    }

    [Fact]
    public void A_late_reading_of_another_device_goes_into_its_own_bucket()
    {
        var history = new ProductHistory();
        history.Add(Thickness("a", DayStart.AddHours(-1).AddMinutes(20), 1));

        history.Add(Thickness("b", DayStart.AddHours(-1).AddMinutes(-10), 7));

        var late = history.Window("thickness", DayStart.AddHours(-1).AddMinutes(-15), DayStart.AddHours(-1));
        Assert.Equal(1, late.Count);
        Assert.Equal(7, late.Mean);
        Assert.Equal(2, history.Buckets);
        Assert.Equal(DayStart.AddHours(-1).AddMinutes(20), history.LatestEventUtc);
    }

    [Fact]
    public void Every_metric_value_is_counted_in_order()
    {
        var history = new ProductHistory();
        history.Add(At("a", DayStart.AddHours(-2), ("thickness", 1), ("line_speed", 50), ("thickness", 3)));

        var thickness = history.Window("thickness", DayStart.AddDays(-1), DayStart);
        Assert.Equal(2, thickness.Count);
        Assert.Equal(2, thickness.Mean);
        Assert.Equal(1, history.Window("line_speed", DayStart.AddDays(-1), DayStart).Count);
        Assert.Equal(0, history.Window("humidity", DayStart.AddDays(-1), DayStart).Count);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Asia/Tokyo")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Asia/Kathmandu")]
    public void Limits_match_MathNet_on_the_raw_values_of_the_window(string zone)
    {
        var calendar = SpcCalendar.FromId(zone);
        var readings = Line(17, DayStart.AddDays(-4), TimeSpan.FromDays(4.5), "M-001", "M-002", "M-003");
        var history = new ProductHistory();
        foreach (var reading in readings)
        {
            history.Add(reading);
        }

        var limits = history.ComputeLimits("B205", Day, calendar, new SpcOptions());

        Assert.Equal(2, limits.Length);
        var end = calendar.StartOfDayUtc(Day);
        var start = end.AddHours(-72);
        foreach (var limit in limits)
        {
            var raw = readings.Where(reading => reading.Timestamp >= start && reading.Timestamp < end)
                .SelectMany(reading => reading.Metrics).Where(metric => metric.Name == limit.Metric)
                .Select(metric => metric.Value).ToArray();
            var mean = raw.Mean();
            var sd = raw.StandardDeviation();
            Assert.Equal(raw.Length, limit.Count);
            AssertRelative(mean, limit.Mean);
            AssertRelative(sd, limit.StdDev);
            AssertRelative(mean + 3 * sd, limit.UclI);
            AssertRelative(mean - 3 * sd, limit.LclI);
            AssertRelative(mean + 3 * sd / Math.Sqrt(5), limit.UclX);
            AssertRelative(mean - 3 * sd / Math.Sqrt(5), limit.LclX);
        }
    }

    [Fact]
    public void Results_are_bitwise_independent_of_batching_and_queries_in_between()
    {
        var calendar = SpcCalendar.FromId("Asia/Tokyo");
        var settings = new SpcOptions();
        var readings = Line(23, DayStart.AddDays(-4), TimeSpan.FromDays(4), "M-001", "M-002");
        readings.Add(readings[100]);
        readings.Add(readings[^5] with { DeviceId = "M-009" });
        var onePass = new ProductHistory();
        foreach (var reading in readings)
        {
            onePass.Add(reading);
        }

        var random = new Random(3);
        var interleaved = new ProductHistory();
        for (var i = 0; i < readings.Count;)
        {
            var batch = random.Next(1, 200);
            foreach (var reading in readings.Skip(i).Take(batch))
            {
                interleaved.Add(reading);
            }

            i += batch;
            interleaved.Window("thickness", DayStart.AddDays(-2), DayStart);
            interleaved.ComputeLimits("B205", Day, calendar, settings);
            interleaved.Aggregates();
            if (random.Next(10) == 0)
            {
                interleaved = SpcSerialization.RoundTrip(interleaved);
            }
        }

        Assert.Equal(onePass.Readings, interleaved.Readings);
        foreach (var metric in onePass.Metrics)
        {
            for (var hours = 1; hours <= 96; hours += 7)
            {
                var from = calendar.StartOfDayUtc(Day).AddHours(-hours);
                AssertBitwise(onePass.Window(metric, from, DayStart), interleaved.Window(metric, from, DayStart));
            }
        }

        var expected = onePass.ComputeLimits("B205", Day, calendar, settings);
        var actual = interleaved.ComputeLimits("B205", Day, calendar, settings);
        Assert.Equal(2, expected.Length);
        Assert.Equal(expected, actual);
        Assert.Equal(onePass.Aggregates(), interleaved.Aggregates());
    }

    [Fact]
    public void Pruning_keeps_state_bounded_over_30_days_and_keeps_what_limits_need()
    {
        var calendar = SpcCalendar.FromId("Asia/Tokyo");
        var settings = new SpcOptions();
        var from = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var pruned = new ProductHistory();
        var full = new ProductHistory();
        var retiredDevice = Line(5, from, TimeSpan.FromDays(2), "M-OLD");
        foreach (var reading in retiredDevice)
        {
            pruned.Add(reading);
            full.Add(reading);
        }

        var maxBuckets = 0;
        for (var day = 0; day < 30; day++)
        {
            foreach (var reading in Line(100 + day, from.AddDays(day), TimeSpan.FromDays(1), "M-001", "M-002", "M-003"))
            {
                pruned.Add(reading);
                full.Add(reading);
            }

            pruned.Prune(calendar, settings);
            maxBuckets = Math.Max(maxBuckets, pruned.Buckets);

            var today = calendar.DayOf(pruned.LatestEventUtc!.Value);
            foreach (var date in new[] { today.AddDays(-1), today, today.AddDays(1) })
            {
                Assert.Equal(full.ComputeLimits("B205", date, calendar, settings), pruned.ComputeLimits("B205", date, calendar, settings));
            }
        }

        var bucketsPerMetric = (int)((settings.Window + TimeSpan.FromDays(2)) / ProductHistory.BucketSize) + 1;
        Assert.InRange(maxBuckets, 1, 2 * bucketsPerMetric);
        Assert.Equal(2, pruned.Metrics.Count);
        Assert.True(full.Buckets > 5 * maxBuckets, $"the unpruned history should keep growing: {full.Buckets} vs {maxBuckets}");
        Assert.Equal(full.Readings, pruned.Readings);

        var aggregates = pruned.Aggregates();
        Assert.All(aggregates, view => Assert.True(view.To - view.From <= TimeSpan.FromHours(settings.WindowHours + 48)));
        Assert.True(SpcSerialization.Size(pruned) < SpcSerialization.Size(full) / 4);
    }

    [Fact]
    public void Prune_is_a_no_op_before_the_first_reading()
    {
        var history = new ProductHistory();

        history.Prune(SpcCalendar.Utc, new SpcOptions());

        Assert.Equal(0, history.Buckets);
        Assert.Empty(history.Aggregates());
    }

    [Fact]
    public void Aggregates_cover_the_retained_buckets()
    {
        var history = new ProductHistory();
        history.Add(Thickness("a", DayStart.AddMinutes(1), 1));
        history.Add(Thickness("a", DayStart.AddMinutes(16), 3));
        history.Add(Thickness("a", DayStart.AddMinutes(50), 5));

        var view = Assert.Single(history.Aggregates());

        Assert.Equal("thickness", view.Metric);
        Assert.Equal(3, view.Count);
        Assert.Equal(3, view.Mean);
        Assert.Equal(2, view.StdDev, 12);
        Assert.Equal(DayStart, view.From);
        Assert.Equal(DayStart.AddHours(1), view.To);
        Assert.Equal(3, view.Buckets);
    }

    [Fact]
    public void Buckets_are_aligned_to_the_utc_epoch()
    {
        Assert.Equal(DayStart.AddMinutes(30), ProductHistory.BucketStart(DayStart.AddMinutes(44).AddSeconds(59)));
        Assert.Equal(DayStart.AddMinutes(45), ProductHistory.BucketStart(DayStart.AddMinutes(45)));
        Assert.Equal(0, (ProductHistory.BucketStart(DayStart.AddMinutes(7)) - DateTime.UnixEpoch).Ticks % ProductHistory.BucketSize.Ticks);
    }

    [Fact]
    public void A_product_made_by_a_million_devices_is_no_larger_than_one_made_by_ten()
    {
        var fleet = Made(devices: 1_000_000);
        var few = Made(devices: 10);

        Assert.Equal(1_000_000, fleet.Readings);
        Assert.Equal(few.Readings, fleet.Readings);
        Assert.Equal(few.Buckets, fleet.Buckets);
        Assert.NotNull(fleet.MovingRangeBar("thickness", DayStart, DayStart.AddDays(1)));
        Assert.Equal(SpcSerialization.Size(few), SpcSerialization.Size(fleet));
    }

    /// <summary>
    /// A million readings over a day, device after device in turn, each with the moving ranges its device computed from
    /// its previous values (a fleet whose devices each report once in the day, or ten that report often).
    /// </summary>
    private static ProductHistory Made(int devices)
    {
        const int Readings = 1_000_000;
        var random = new Random(devices);
        var history = new ProductHistory();
        var ranges = new double[2];
        for (var i = 0; i < Readings; i++)
        {
            ranges[0] = random.NextDouble();
            ranges[1] = random.NextDouble();
            history.Add(
                At($"M-{i % devices:D7}", DayStart.AddTicks(i * (TimeSpan.TicksPerDay / Readings)), ("thickness", 50 + random.NextDouble() - 0.5), ("line_speed", 50 + random.NextDouble())),
                ranges);
        }
        history.Prune(SpcCalendar.Utc, new SpcOptions());
        return history;
    }

    private static void AssertBitwise(RunningStatistics expected, RunningStatistics actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Mean), BitConverter.DoubleToInt64Bits(actual.Mean));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.M2), BitConverter.DoubleToInt64Bits(actual.M2));
    }

    private static void AssertRelative(double expected, double actual)
    {
        var error = Math.Abs(expected - actual);
        Assert.True(error <= 1e-10 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
    }
}
