namespace Actors.Grains.Notifier;

/// <summary>
/// Notification ordinals from <see cref="From"/> up to, not including, <see cref="Until"/>. A sink accepts
/// notifications mostly in the order they were committed, so what it has not accepted is a few ranges, one while it is
/// down, however many notifications wait.
/// </summary>
[GenerateSerializer, Immutable, Alias("ordinal-range")]
public readonly record struct OrdinalRange([property: Id(0)] long From, [property: Id(1)] long Until)
{
    /// <summary>The fewest ranges that hold exactly <paramref name="ordinals"/>, which must be ascending.</summary>
    public static List<OrdinalRange> Covering(IEnumerable<long> ordinals)
    {
        var ranges = new List<OrdinalRange>();
        foreach (var ordinal in ordinals)
        {
            if (ranges.Count > 0 && ranges[^1].Until == ordinal)
            {
                ranges[^1] = ranges[^1] with { Until = ordinal + 1 };
            }
            else
            {
                ranges.Add(new OrdinalRange(ordinal, ordinal + 1));
            }
        }
        return ranges;
    }

    public static bool AnyContains(IReadOnlyList<OrdinalRange> ranges, long ordinal)
    {
        foreach (var range in ranges)
        {
            if (ordinal >= range.From && ordinal < range.Until)
            {
                return true;
            }
        }
        return false;
    }
}
