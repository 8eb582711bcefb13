using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Actors.Benchmarks.Configs;

/// <summary>Judging runs <see cref="Invocations"/> batches of 1000 readings per iteration.</summary>
public sealed class JudgeRunConfig : ManualConfig
{
    public const int Invocations = 768;

    public JudgeRunConfig()
    {
        AddJob(BatchJobs.Create("Batch-InProcess", Invocations));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
    }
}
