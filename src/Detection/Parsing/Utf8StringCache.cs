using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;

namespace Actors.Detection.Parsing;

/// <summary>
/// Thread-safe, bounded interning of short UTF-8 values (device IDs, metric names) so a value seen before costs a
/// lookup, not a string. Once full it stops caching; the count may overshoot by at most the number of racing threads.
/// </summary>
internal sealed class Utf8StringCache
{
    private readonly ConcurrentDictionary<byte[], string> _entries = new(Utf8BytesComparer.Instance);
    private readonly ConcurrentDictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly int _capacity;
    private readonly int _maxKeyBytes;
    private int _count;

    public Utf8StringCache(int capacity, int maxKeyBytes)
    {
        _capacity = capacity;
        _maxKeyBytes = maxKeyBytes;
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>Returns the cached or a new string for <paramref name="utf8"/>; null when it is not valid UTF-8.</summary>
    public string? GetOrAdd(ReadOnlySpan<byte> utf8)
    {
        if (_lookup.TryGetValue(utf8, out var cached))
        {
            return cached;
        }
        if (!Utf8.IsValid(utf8))
        {
            return null;
        }
        var value = Encoding.UTF8.GetString(utf8);
        if (utf8.Length <= _maxKeyBytes && Volatile.Read(ref _count) < _capacity && _lookup.TryAdd(utf8, value))
        {
            Interlocked.Increment(ref _count);
        }
        return value;
    }
}
