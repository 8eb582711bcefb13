using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Actors.Benchmarks.Configs;

/// <summary>Product accumulation runs <see cref="Invocations"/> batches of 1000 readings per iteration.</summary>
public sealed class ProductRunConfig : ManualConfig
{
    public const int Invocations = 256;

    public ProductRunConfig()
    {
        AddJob(BatchJobs.Create("Batch-InProcess", Invocations));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
    }
}
