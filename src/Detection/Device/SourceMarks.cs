namespace Actors.Detection.Device;

/// <summary>
/// How many batches a device took from each source it is read from (usually one Kinesis shard), so a source can tell
/// that the device's state no longer holds what it sent since its last checkpoint (the state was reloaded after a silo
/// failure) even when other sources feed the same device. Keeps the <see cref="MaxSources"/> most recently used; a
/// source whose mark was forgotten while it still fed the device gets a spurious "behind" and reads again from its
/// checkpoint, which costs time but loses nothing.
/// </summary>
[GenerateSerializer, Alias("device-source-marks")]
public sealed class SourceMarks
{
    /// <summary>Sources remembered per device; a device is normally read from one shard at a time, a few around a reshard.</summary>
    public const int MaxSources = 16;

    [Id(0)] private List<Entry> _entries = [];

    /// <summary>Batches taken from <paramref name="source"/> so far (0 for a source not remembered).</summary>
    public long Of(string source)
    {
        foreach (var entry in _entries)
        {
            if (entry.Source == source)
            {
                return entry.Batches;
            }
        }
        return 0;
    }

    /// <summary>
    /// Counts one more batch from <paramref name="source"/> and returns the new count. The list grows one entry at a
    /// time: a device is read from one source or a few, and every one of the many devices would otherwise carry spare slots.
    /// </summary>
    public long Advance(string source)
    {
        var batches = 1L;
        for (var i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Source == source)
            {
                batches += _entries[i].Batches;
                _entries.RemoveAt(i);
                break;
            }
        }

        if (_entries.Count == _entries.Capacity)
        {
            _entries.Capacity = _entries.Count + 1;
        }

        _entries.Add(new Entry(NamePool.Intern(source), batches));
        if (_entries.Count > MaxSources)
        {
            _entries.RemoveAt(0);
        }
        return batches;
    }

    [GenerateSerializer, Immutable, Alias("device-source-mark")]
    internal sealed record Entry([property: Id(0)] string Source, [property: Id(1)] long Batches);
}
