namespace Actors.Grains.Product;

/// <summary>
/// Which slot holds the written version of each hour page of a product's history, in a byte per hour from the first
/// hour with a page: a product's head names its ~120 hours in as many bytes, where a map from page names took ~3.5 KB
/// of a head written at every checkpoint.
/// </summary>
[GenerateSerializer, Alias("product-history-page-slots")]
public sealed class HistoryPageSlots
{
    private const byte None = 0;

    /// <summary>The first hour with a page, in hours since 0001-01-01 UTC.</summary>
    [Id(0)] private long _firstHour;

    /// <summary>Per hour from <see cref="_firstHour"/>: 0 for no page, else the slot plus one.</summary>
    [Id(1)] private byte[] _slots = [];

    /// <summary>The starts (UTC ticks) of the hours with a page, oldest first.</summary>
    public IEnumerable<long> Starts => Enumerable.Range(0, _slots.Length).Where(i => _slots[i] != None).Select(i => StartOf(_firstHour + i));

    /// <summary>The slot of the page starting at <paramref name="startTicks"/>, or null when there is none.</summary>
    public int? Of(long startTicks)
    {
        var index = HourOf(startTicks) - _firstHour;
        return index >= 0 && index < _slots.Length && _slots[index] != None ? _slots[index] - 1 : null;
    }

    /// <summary>A copy naming <paramref name="slot"/> for the page at <paramref name="startTicks"/>.</summary>
    public HistoryPageSlots With(long startTicks, int slot) => Changed(startTicks, (byte)(slot + 1));

    /// <summary>A copy without the page at <paramref name="startTicks"/>.</summary>
    public HistoryPageSlots Without(long startTicks) => Of(startTicks) is null ? this : Changed(startTicks, None);

    private HistoryPageSlots Changed(long startTicks, byte value)
    {
        var hour = HourOf(startTicks);
        var first = _slots.Length == 0 ? hour : Math.Min(_firstHour, hour);
        var last = _slots.Length == 0 ? hour : Math.Max(_firstHour + _slots.Length - 1, hour);
        var slots = new byte[last - first + 1];
        if (_slots.Length > 0)
        {
            _slots.CopyTo(slots, _firstHour - first);
        }
        slots[hour - first] = value;
        var start = Array.FindIndex(slots, slot => slot != None);
        if (start < 0)
        {
            return new HistoryPageSlots();
        }
        var end = Array.FindLastIndex(slots, slot => slot != None);
        return new HistoryPageSlots { _firstHour = first + start, _slots = slots[start..(end + 1)] };
    }

    private static long HourOf(long ticks) => ticks / TimeSpan.TicksPerHour;

    private static long StartOf(long hour) => hour * TimeSpan.TicksPerHour;
}
