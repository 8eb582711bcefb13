using System.Buffers;
using System.Buffers.Binary;
using System.Collections;

namespace Actors.Detection.Device;

/// <summary>
/// The values an open z-score window holds, in arrival order, packed into one byte array, in memory and in storage.
/// A device keeps up to <see cref="ZScoreRule.MaxSamples"/> of them per metric, so their size is most of its state.
/// </summary>
/// <remarks>
/// Each sample is its time offset as the change of the gap to the previous sample (one byte for readings at a steady
/// rate), then its value: a value that is a short decimal (as sensors send them, e.g. 49.86) as its digits and the
/// count of decimals, any other as its 8 bytes. Both decode to exactly the value and offset added.
/// </remarks>
[GenerateSerializer, Alias("device-window-samples")]
public sealed class WindowSamples : IReadOnlyCollection<WindowSample>
{
    /// <summary>Values with up to this many decimals are stored as digits.</summary>
    private const int MaxDecimals = 9;

    /// <summary>The low bits of a value's first varint: its count of decimals, or <see cref="RawValue"/>.</summary>
    private const int ScaleBits = 4;

    private const int RawValue = (1 << ScaleBits) - 1;
    private const long MaxExactInteger = 1L << 53;
    private const int MaxSampleBytes = 10 + 10 + sizeof(double);
    private const int StackScratchLimit = 256;

    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

    [NonSerialized] private byte[] _bytes = [];
    [NonSerialized] private int _length;
    [NonSerialized] private int _count;
    [NonSerialized] private long _lastOffset;
    [NonSerialized] private long _lastGap;

    /// <summary>Number of samples held.</summary>
    public int Count => _count;

    /// <summary>The packed samples, exactly as long as they are; what storage keeps.</summary>
    [Id(0)]
    public byte[] Packed
    {
        get => _bytes.AsSpan(0, _length).ToArray();
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _bytes = value;
            _length = value.Length;
            var cursor = default(Cursor);
            _count = 0;
            while (TryRead(value, ref cursor, out _))
            {
                _count++;
            }

            (_lastOffset, _lastGap) = (cursor.Offset, cursor.Gap);
        }
    }

    /// <summary>Appends a sample.</summary>
    /// <param name="offset">Ticks after the window's start.</param>
    /// <param name="value">The value.</param>
    public void Add(long offset, double value)
    {
        var gap = offset - _lastOffset;
        Span<byte> sample = stackalloc byte[MaxSampleBytes];
        var written = Write(sample, gap - _lastGap, value);
        if (_bytes.Length - _length < written)
        {
            Array.Resize(ref _bytes, Math.Max(_length + written, _bytes.Length * 3 / 2));
        }

        sample[..written].CopyTo(_bytes.AsSpan(_length));
        _length += written;
        _count++;
        _lastOffset = offset;
        _lastGap = gap;
    }

    /// <summary>
    /// Removes every sample. The buffer keeps room for about as many bytes as the samples took, and no more, so a
    /// device with a steady rate reuses it window after window.
    /// </summary>
    public void Clear()
    {
        var headroom = _length + (_length / 8);
        if (_bytes.Length > headroom + MaxSampleBytes)
        {
            _bytes = new byte[headroom];
        }

        (_length, _count, _lastOffset, _lastGap) = (0, 0, 0, 0);
    }

    /// <summary>Removes the sample at <paramref name="index"/> (arrival order).</summary>
    /// <param name="index">Position of the sample, 0 = oldest.</param>
    public void RemoveAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
        var rented = _count > StackScratchLimit ? ArrayPool<WindowSample>.Shared.Rent(_count) : null;
        try
        {
            var samples = rented is null ? stackalloc WindowSample[_count] : rented.AsSpan(0, _count);
            CopyTo(samples);
            (_length, _count, _lastOffset, _lastGap) = (0, 0, 0, 0);
            for (var i = 0; i < samples.Length; i++)
            {
                if (i != index)
                {
                    Add(samples[i].Offset, samples[i].Value);
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<WindowSample>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Copies the samples, in arrival order, to <paramref name="destination"/>, which must hold <see cref="Count"/>.</summary>
    /// <param name="destination">Where the samples go.</param>
    public void CopyTo(Span<WindowSample> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, _count, nameof(destination));
        var cursor = default(Cursor);
        for (var i = 0; TryRead(_bytes.AsSpan(0, _length), ref cursor, out var sample); i++)
        {
            destination[i] = sample;
        }
    }

    /// <summary>The samples in arrival order.</summary>
    public Enumerator GetEnumerator() => new(_bytes, _length);

    IEnumerator<WindowSample> IEnumerable<WindowSample>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int Write(Span<byte> destination, long gapChange, double value)
    {
        var written = WriteVarint(destination, ZigZag(gapChange));
        if (TryAsDecimal(value, out var digits, out var decimals))
        {
            return written + WriteVarint(destination[written..], (ZigZag(digits) << ScaleBits) | (uint)decimals);
        }

        written += WriteVarint(destination[written..], RawValue);
        BinaryPrimitives.WriteDoubleLittleEndian(destination[written..], value);
        return written + sizeof(double);
    }

    /// <summary>
    /// True when <paramref name="value"/> is exactly <paramref name="digits"/> / 10^<paramref name="decimals"/> as the
    /// division computes it, which holds for the double nearest to any short decimal. Negative zero stays raw, to keep its sign.
    /// </summary>
    private static bool TryAsDecimal(double value, out long digits, out int decimals)
    {
        if (value != 0 || !double.IsNegative(value))
        {
            for (decimals = 0; decimals <= MaxDecimals; decimals++)
            {
                var scaled = Math.Round(value * PowersOfTen[decimals]);
                if (!(Math.Abs(scaled) < MaxExactInteger))
                {
                    break;
                }

                if (scaled / PowersOfTen[decimals] == value)
                {
                    digits = (long)scaled;
                    return true;
                }
            }
        }

        (digits, decimals) = (0, 0);
        return false;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private static int WriteVarint(Span<byte> destination, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    private static bool TryRead(ReadOnlySpan<byte> bytes, ref Cursor cursor, out WindowSample sample)
    {
        if (cursor.Position >= bytes.Length)
        {
            sample = default;
            return false;
        }

        cursor.Gap += UnZigZag(ReadVarint(bytes, ref cursor.Position));
        cursor.Offset += cursor.Gap;
        var head = ReadVarint(bytes, ref cursor.Position);
        var decimals = (int)(head & RawValue);
        double value;
        if (decimals == RawValue)
        {
            value = BinaryPrimitives.ReadDoubleLittleEndian(bytes[cursor.Position..]);
            cursor.Position += sizeof(double);
        }
        else if (decimals <= MaxDecimals)
        {
            value = UnZigZag(head >> ScaleBits) / PowersOfTen[decimals];
        }
        else
        {
            throw new InvalidDataException($"A packed window sample has {decimals} decimals; at most {MaxDecimals} are written.");
        }

        sample = new WindowSample(cursor.Offset, value);
        return true;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64 && position < bytes.Length; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("Packed window samples end inside a number.");
    }

    /// <summary>Where a walk through packed samples is: byte position, offset of the last sample read and its gap.</summary>
    private struct Cursor
    {
        public int Position;
        public long Offset;
        public long Gap;
    }

    /// <summary>Enumerates packed samples in arrival order without allocating.</summary>
    public struct Enumerator : IEnumerator<WindowSample>
    {
        private readonly byte[] _bytes;
        private readonly int _length;
        private Cursor _cursor;

        internal Enumerator(byte[] bytes, int length) => (_bytes, _length) = (bytes, length);

        /// <summary>The sample at the current position.</summary>
        public WindowSample Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        /// <summary>Moves to the next sample.</summary>
        public bool MoveNext()
        {
            var found = TryRead(_bytes.AsSpan(0, _length), ref _cursor, out var sample);
            Current = sample;
            return found;
        }

        /// <summary>Goes back to before the first sample.</summary>
        public void Reset() => _cursor = default;

        /// <summary>Nothing to release.</summary>
        public readonly void Dispose()
        {
        }
    }
}
