using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Actors.Benchmarks.Configs;

/// <summary>Dispatching runs <see cref="Invocations"/> batches of 1000 readings per iteration.</summary>
public sealed class DispatchRunConfig : ManualConfig
{
    public const int Invocations = 32;

    public DispatchRunConfig()
    {
        AddJob(BatchJobs.Create("Batch-InProcess", Invocations));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
    }
}
