using System.Buffers;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Parsing;

/// <summary>Pooled, growable list of metrics for one parse; the first value of a repeated name wins.</summary>
internal struct MetricBuffer
{
    private const int InitialCapacity = 16;
    private const int LinearSearchLimit = 64;

    private Metric[]? _items;
    private HashSet<string>? _names;

    public int Count { get; private set; }

    public void Add(Metric metric)
    {
        if (Contains(metric.Name))
        {
            return;
        }
        if (_items is null)
        {
            _items = ArrayPool<Metric>.Shared.Rent(InitialCapacity);
        }
        else if (Count == _items.Length)
        {
            var larger = ArrayPool<Metric>.Shared.Rent(_items.Length * 2);
            _items.AsSpan().CopyTo(larger);
            ArrayPool<Metric>.Shared.Return(_items, clearArray: true);
            _items = larger;
        }
        _items[Count++] = metric;
        if (_names is not null)
        {
            _names.Add(metric.Name);
        }
        else if (Count > LinearSearchLimit)
        {
            _names = new HashSet<string>(_items.Take(Count).Select(m => m.Name), StringComparer.Ordinal);
        }
    }

    public readonly Metric[] ToArray() => _items is null ? [] : _items.AsSpan(0, Count).ToArray();

    public void Release()
    {
        if (_items is not null)
        {
            ArrayPool<Metric>.Shared.Return(_items, clearArray: true);
            _items = null;
        }
        _names = null;
        Count = 0;
    }

    private readonly bool Contains(string name)
    {
        if (_names is not null)
        {
            return _names.Contains(name);
        }
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(_items![i].Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
