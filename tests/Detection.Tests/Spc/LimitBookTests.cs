using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using Xunit;

namespace Actors.Detection.Tests.Spc;

public sealed class LimitBookTests
{
    private static readonly DateOnly Day = new(2026, 2, 17);

    [Fact]
    public void Computed_limits_are_frozen_at_the_first_resolve()
    {
        var book = new LimitBook();
        var calls = 0;

        var first = book.Resolve(Day, () => { calls++; return [Computed("thickness", Day, 50)]; });
        var second = book.Resolve(Day, () => { calls++; return [Computed("thickness", Day, 99), Computed("line_speed", Day, 1)]; });

        Assert.Equal(1, calls);
        Assert.Equal(first, second);
        Assert.Equal(50, Assert.Single(second).Mean);
        Assert.True(book.IsResolved(Day));
    }

    [Fact]
    public void A_date_resolved_without_limits_stays_without_limits()
    {
        var book = new LimitBook();

        Assert.Empty(book.Resolve(Day, () => []));

        Assert.Empty(book.Resolve(Day, () => throw new InvalidOperationException("compute must not run twice")));
        Assert.True(book.IsResolved(Day));
    }

    [Fact]
    public void A_failing_compute_records_nothing()
    {
        var book = new LimitBook();

        Assert.Throws<InvalidOperationException>(() => book.Resolve(Day, () => throw new InvalidOperationException("store down")));

        Assert.False(book.IsResolved(Day));
        Assert.Single(book.Resolve(Day, () => [Computed("thickness", Day, 50)]));
    }

    [Fact]
    public void Compute_must_return_limits_of_the_date_asked_for()
    {
        var book = new LimitBook();

        Assert.Throws<InvalidOperationException>(() => book.Resolve(Day, () => [Computed("thickness", Day.AddDays(1), 50)]));
        Assert.False(book.IsResolved(Day));
    }

    [Fact]
    public void Imported_limits_win_over_computed_ones_before_and_after_resolve()
    {
        var book = new LimitBook();
        book.Resolve(Day, () => [Computed("thickness", Day, 50), Computed("line_speed", Day, 1e6)]);

        book.Import([Baseline("thickness", Day, 49)]);

        var served = book.Resolve(Day, () => throw new InvalidOperationException("frozen"));
        Assert.Equal(["line_speed", "thickness"], served.Select(limits => limits.Metric));
        Assert.Equal(LimitSource.Computed, served[0].Source);
        Assert.Equal(LimitSource.Imported, served[1].Source);
        Assert.Equal(49, served[1].Mean);

        var next = Day.AddDays(1);
        book.Import([Baseline("thickness", next, 48)]);
        var calls = 0;
        var nextServed = book.Resolve(next, () => { calls++; return [Computed("thickness", next, 51), Computed("humidity", next, 40)]; });
        Assert.Equal(1, calls);
        Assert.Equal(48, nextServed.Single(limits => limits.Metric == "thickness").Mean);
        Assert.Equal(40, nextServed.Single(limits => limits.Metric == "humidity").Mean);
    }

    [Fact]
    public void A_later_import_replaces_an_earlier_one_and_is_marked_imported()
    {
        var book = new LimitBook();
        book.Import([Baseline("thickness", Day, 49)]);

        book.Import([Computed("thickness", Day, 47)]);

        var served = Assert.Single(book.Resolve(Day, () => []));
        Assert.Equal(47, served.Mean);
        Assert.Equal(LimitSource.Imported, served.Source);
    }

    [Fact]
    public void Recent_lists_newest_date_first_then_by_metric()
    {
        var book = new LimitBook();
        book.Resolve(Day.AddDays(-2), () => [Computed("thickness", Day.AddDays(-2), 1)]);
        book.Resolve(Day, () => [Computed("thickness", Day, 3), Computed("line_speed", Day, 4)]);
        book.Import([Baseline("thickness", Day.AddDays(-1), 2)]);

        var recent = book.Recent();

        Assert.Equal(
            [(Day, "line_speed"), (Day, "thickness"), (Day.AddDays(-1), "thickness"), (Day.AddDays(-2), "thickness")],
            recent.Select(limits => (limits.Date, limits.Metric)));
        Assert.Equal(3, book.Dates);
    }

    [Fact]
    public void Prune_drops_dates_before_the_history_kept()
    {
        var book = new LimitBook();
        var settings = new SpcOptions { HistoryDays = 14 };
        for (var offset = -20; offset <= 1; offset++)
        {
            var date = Day.AddDays(offset);
            book.Resolve(date, () => [Computed("thickness", date, offset)]);
            book.Import([Baseline("line_speed", date, offset)]);
        }

        book.Prune(Day, settings);

        var dates = book.Recent().Select(limits => limits.Date).Distinct().ToArray();
        Assert.Equal(15, dates.Length);
        Assert.Equal(Day.AddDays(1), dates[0]);
        Assert.Equal(Day.AddDays(-13), dates[^1]);
        Assert.False(book.IsResolved(Day.AddDays(-14)));
        Assert.True(book.IsResolved(Day.AddDays(-13)));

        book.Prune(Day);

        Assert.Equal([Day.AddDays(1), Day], book.Recent().Select(limits => limits.Date).Distinct());
    }

    [Fact]
    public void Survives_the_orleans_serializer()
    {
        var book = new LimitBook();
        book.Resolve(Day, () => [Computed("thickness", Day, 50)]);
        book.Resolve(Day.AddDays(1), () => []);
        book.Import([Baseline("line_speed", Day, 7)]);

        var copy = SpcSerialization.RoundTrip(book);

        Assert.Equal(book.Recent(), copy.Recent());
        Assert.True(copy.IsResolved(Day.AddDays(1)));
        Assert.Empty(copy.Resolve(Day.AddDays(1), () => throw new InvalidOperationException("frozen")));
    }

    private static ControlLimits Computed(string metric, DateOnly date, double mean)
    {
        var stats = default(Actors.Detection.Statistics.RunningStatistics);
        stats.Add(mean - 1);
        stats.Add(mean + 1);
        return ControlLimitCalculator.Compute("B205", metric, date, stats);
    }

    private static ControlLimits Baseline(string metric, DateOnly date, double mean) =>
        ControlLimitCalculator.FromBaseline("B205", metric, date, mean, 0.5);
}
