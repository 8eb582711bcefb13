using Actors.Detection.Spc;
using Actors.Grains.Interfaces;

namespace Actors.Grains.Device;

/// <summary>
/// The control limits one batch of a device is judged with: a few products and days, held for the duration of the
/// call only, so the grain keeps no copy between batches.
/// </summary>
internal sealed class BatchLimits(SpcCalendar calendar)
{
    private readonly List<(string Product, DateOnly Day, ControlLimits[] Limits)> _entries = [];

    public bool Has(string product, DateOnly day) => Find(product, day) is not null;

    public void Add(string product, DateOnly day, ControlLimits[] limits) => _entries.Add((product, day, limits));

    /// <summary>The limits of <paramref name="product"/> for the day of <paramref name="utc"/>, or null when they were not fetched.</summary>
    public ControlLimits[]? For(string product, DateTime utc) => Find(product, calendar.DayOf(utc));

    private ControlLimits[]? Find(string product, DateOnly day)
    {
        foreach (var entry in _entries)
        {
            if (entry.Day == day && string.Equals(entry.Product, product, StringComparison.Ordinal))
            {
                return entry.Limits;
            }
        }
        return null;
    }
}
