namespace Actors.Benchmarks.Memory;

/// <summary>Thread-safe count of state writes, their serialized bytes, the largest, and the kilobytes they started.</summary>
public sealed class WriteCounter
{
    private long _writes;
    private long _bytes;
    private long _kilobytesStarted;
    private long _largest;

    public long Writes => Interlocked.Read(ref _writes);

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Sum over the writes of their size in started kilobytes: DynamoDB's write request units, but for the item's key and attribute names.</summary>
    public long KilobytesStarted => Interlocked.Read(ref _kilobytesStarted);

    public long Largest => Interlocked.Read(ref _largest);

    public void Add(long bytes)
    {
        Interlocked.Increment(ref _writes);
        Interlocked.Add(ref _bytes, bytes);
        Interlocked.Add(ref _kilobytesStarted, Math.Max(1, (bytes + 1023) / 1024));
        var largest = Interlocked.Read(ref _largest);
        while (bytes > largest)
        {
            var seen = Interlocked.CompareExchange(ref _largest, bytes, largest);
            if (seen == largest)
            {
                break;
            }
            largest = seen;
        }
    }
}
