using System.Runtime.CompilerServices;

namespace Actors.Detection.Device;

/// <summary>
/// The last <see cref="Size"/> values of one product and metric on a device, oldest overwritten first, for the X-bar rule.
/// </summary>
[GenerateSerializer, Alias("device-xbar-series")]
public sealed class XBarSeries
{
    /// <summary>Subgroup size of the X-bar chart.</summary>
    public const int Size = 5;

    /// <summary>The product the values were measured on.</summary>
    [Id(0)] public string ProductId { get; set; } = string.Empty;

    /// <summary>The metric the values belong to.</summary>
    [Id(1)] public string Metric { get; set; } = string.Empty;

    /// <summary>The ring of values, inside the object rather than an array of its own (one fewer object per series).</summary>
    [NonSerialized]
    private Ring _ring;

    /// <summary>Ring buffer of the values; only the first <see cref="Count"/> slots are meaningful until it is full. A copy, as stored.</summary>
    [Id(2)]
    public double[] Values
    {
        get => ((ReadOnlySpan<double>)_ring).ToArray();
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Length != Size)
            {
                throw new InvalidDataException($"An X-bar series holds {Size} slots, not {value.Length}.");
            }

            value.AsSpan().CopyTo(_ring);
        }
    }

    /// <summary>Number of values held (at most <see cref="Size"/>).</summary>
    [Id(3)] public int Count { get; set; }

    /// <summary>Slot the next value is written to.</summary>
    [Id(4)] public int Next { get; set; }

    /// <summary>Event time (UTC) of the latest value added, used to evict the least recently updated series.</summary>
    [Id(5)] public DateTime UpdatedAt { get; set; }

    /// <summary>True once <see cref="Size"/> values have been added.</summary>
    public bool IsFull => Count == Size;

    /// <summary>Mean of the values held; 0 when empty.</summary>
    public double Mean
    {
        get
        {
            if (Count == 0)
            {
                return 0;
            }

            var sum = 0.0;
            for (var i = 0; i < Count; i++)
            {
                sum += _ring[i];
            }

            return sum / Count;
        }
    }

    /// <summary>The value added last; null while the series is empty.</summary>
    public double? Last => Count == 0 ? null : _ring[(Next + Size - 1) % Size];

    /// <summary>Adds a value, replacing the oldest once the series is full.</summary>
    /// <param name="value">The value to add.</param>
    public void Add(double value)
    {
        _ring[Next] = value;
        Next = (Next + 1) % Size;
        if (Count < Size)
        {
            Count++;
        }
    }

    /// <summary>The values held, oldest first.</summary>
    public double[] ToArray()
    {
        var result = new double[Count];
        var oldest = Count < Size ? 0 : Next;
        for (var i = 0; i < Count; i++)
        {
            result[i] = _ring[(oldest + i) % Size];
        }

        return result;
    }

    [InlineArray(Size)]
    private struct Ring
    {
        private double _slot;
    }
}
