using System.Collections.Concurrent;

namespace Actors.Detection.Device;

/// <summary>
/// One shared copy of each metric name, product ID and source name that device states hold. Every grain call and
/// every state read brings fresh copies of these few strings; interned, a silo keeps one copy of "temperature" however
/// many devices report it. Thread-safe and bounded: once full, strings are kept as they come (the count may overshoot
/// by the number of racing threads).
/// </summary>
public static class NamePool
{
    /// <summary>Most distinct strings pooled.</summary>
    public const int Capacity = 100_000;

    /// <summary>Longer strings are not pooled.</summary>
    public const int MaxLength = 128;

    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static int _count;

    /// <summary>The pooled copy of <paramref name="name"/>, pooling it if there is room.</summary>
    /// <param name="name">A metric name or product ID.</param>
    public static string Intern(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Names.TryGetValue(name, out var pooled))
        {
            return pooled;
        }

        if (name.Length <= MaxLength && Volatile.Read(ref _count) < Capacity && Names.TryAdd(name, name))
        {
            Interlocked.Increment(ref _count);
        }

        return name;
    }

    /// <summary><see cref="Intern(string)"/>, passing null through.</summary>
    /// <param name="name">A metric name or product ID, or null.</param>
    public static string? InternOrNull(string? name) => name is null ? null : Intern(name);
}
