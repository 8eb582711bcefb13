namespace Actors.Detection.Spc;

/// <summary>The latest values of one device and metric, oldest overwritten first.</summary>
[GenerateSerializer, Alias("spc-chart-point-ring")]
public sealed class ChartPointRing
{
    [Id(0)] private long[] _ticks = [];
    [Id(1)] private double[] _values = [];
    [Id(2)] private int _next;
    [Id(3)] private int _count;

    /// <summary>Event time (UTC) of the latest value.</summary>
    [Id(4)] public DateTime UpdatedAt { get; private set; }

    /// <summary>Adds a value, keeping at most <paramref name="capacity"/> (the oldest beyond it are dropped).</summary>
    public void Add(DateTime utc, double value, int capacity)
    {
        if (_ticks.Length != capacity)
        {
            Resize(capacity);
        }

        _ticks[_next] = utc.Ticks;
        _values[_next] = value;
        _next = (_next + 1) % capacity;
        _count = Math.Min(_count + 1, capacity);
        UpdatedAt = utc;
    }

    /// <summary>Forgets every value, keeping the storage for the next ones.</summary>
    public void Clear()
    {
        _next = 0;
        _count = 0;
    }

    /// <summary>The values kept, oldest first.</summary>
    public IEnumerable<(DateTime Time, double Value)> Points()
    {
        var oldest = _count < _ticks.Length ? 0 : _next;
        for (var i = 0; i < _count; i++)
        {
            var slot = (oldest + i) % _ticks.Length;
            yield return (new DateTime(_ticks[slot], DateTimeKind.Utc), _values[slot]);
        }
    }

    private void Resize(int capacity)
    {
        var kept = Points().TakeLast(capacity).ToArray();
        _ticks = new long[capacity];
        _values = new double[capacity];
        for (var i = 0; i < kept.Length; i++)
        {
            _ticks[i] = kept[i].Time.Ticks;
            _values[i] = kept[i].Value;
        }

        _count = kept.Length;
        _next = kept.Length % capacity;
    }
}
