using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Actors.Benchmarks.Configs;

/// <summary>
/// A short run (1 launch, 3 warm-up and <see cref="MeasuredIterations"/> measured iterations) in this process, with
/// allocations, median and minimum. In-process so that no second project is generated and built under the
/// repository's central package management.
/// </summary>
public sealed class InProcessShortRunConfig : ManualConfig
{
    public const int MeasuredIterations = 10;

    public InProcessShortRunConfig()
    {
        AddJob(Job.ShortRun.WithIterationCount(MeasuredIterations).WithToolchain(InProcessEmitToolchain.Instance).WithId("Short-InProcess"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
    }
}
