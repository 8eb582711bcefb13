namespace Actors.Benchmarks.Memory;

/// <summary>Thread-safe count of state writes and their serialized bytes.</summary>
public sealed class WriteCounter
{
    private long _writes;
    private long _bytes;

    public long Writes => Interlocked.Read(ref _writes);

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Add(long bytes)
    {
        Interlocked.Increment(ref _writes);
        Interlocked.Add(ref _bytes, bytes);
    }
}
