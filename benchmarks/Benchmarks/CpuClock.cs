using System.Diagnostics;

namespace Actors.Benchmarks;

/// <summary>CPU time of every thread of this process since <see cref="Start"/>.</summary>
public sealed class CpuClock
{
    private readonly TimeSpan _start = Current();

    public static CpuClock Start() => new();

    public TimeSpan Elapsed => Current() - _start;

    private static TimeSpan Current()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
