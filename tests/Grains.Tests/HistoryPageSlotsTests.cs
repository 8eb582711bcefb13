using Actors.Grains.Product;
using Xunit;

namespace Actors.Grains.Tests;

public sealed class HistoryPageSlotsTests
{
    private static readonly long Hour = TimeSpan.TicksPerHour;
    private static readonly long Noon = new DateTime(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc).Ticks;

    [Fact]
    public void Hours_added_out_of_order_and_with_gaps_keep_their_slots_and_come_back_oldest_first()
    {
        var slots = new HistoryPageSlots().With(Noon, 1).With(Noon + 3 * Hour, 0).With(Noon - 2 * Hour, 1);

        Assert.Equal([Noon - 2 * Hour, Noon, Noon + 3 * Hour], slots.Starts);
        Assert.Equal((1, 1, 0), (slots.Of(Noon - 2 * Hour), slots.Of(Noon), slots.Of(Noon + 3 * Hour)));
        Assert.Null(slots.Of(Noon + Hour));
        Assert.Null(slots.Of(Noon - 3 * Hour));
        Assert.Equal(0, slots.With(Noon, 0).Of(Noon));
    }

    [Fact]
    public void Removing_hours_leaves_the_others_and_a_copy_is_not_the_original()
    {
        var slots = new HistoryPageSlots().With(Noon, 0).With(Noon + Hour, 1).With(Noon + 2 * Hour, 0);

        var pruned = slots.Without(Noon).Without(Noon + 2 * Hour);

        Assert.Equal([Noon + Hour], pruned.Starts);
        Assert.Equal(1, pruned.Of(Noon + Hour));
        Assert.Equal(3, slots.Starts.Count());
        Assert.Empty(pruned.Without(Noon + Hour).Starts);
        Assert.Same(pruned, pruned.Without(Noon + 5 * Hour));
    }

    [Fact]
    public void The_first_and_the_last_representable_hours_have_pages()
    {
        var last = DateTime.MaxValue.Ticks - DateTime.MaxValue.Ticks % Hour;
        var slots = new HistoryPageSlots().With(last, 1).With(last - Hour, 0);

        Assert.Equal([last - Hour, last], slots.Starts);
        Assert.Equal(0, new HistoryPageSlots().With(0, 0).Of(0));
    }
}
