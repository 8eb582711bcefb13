using System.Diagnostics;
using System.Runtime;

namespace Actors.Benchmarks.Memory;

/// <summary>Live managed bytes after full, compacting collections, and the process working set at the same moment.</summary>
/// <param name="ManagedBytes"><see cref="GC.GetTotalMemory(bool)"/> with a forced full collection.</param>
/// <param name="WorkingSetBytes">The process working set (resident memory).</param>
public readonly record struct HeapSnapshot(long ManagedBytes, long WorkingSetBytes)
{
    public static HeapSnapshot Take()
    {
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new HeapSnapshot(managed, process.WorkingSet64);
    }

    public static HeapSnapshot operator -(HeapSnapshot after, HeapSnapshot before) =>
        new(after.ManagedBytes - before.ManagedBytes, after.WorkingSetBytes - before.WorkingSetBytes);
}
