using System.Runtime;
using System.Runtime.InteropServices;

namespace Actors.Benchmarks;

/// <summary>One line describing where a measurement ran.</summary>
public static class MachineInfo
{
    public static string Describe() =>
        $"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, "
        + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC ({GCSettings.LatencyMode}), "
        + $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024)} MiB available to the GC, load average {LoadAverage()}";

    /// <summary>The 1, 5 and 15 minute load averages (Linux), or "n/a".</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
