using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Actors.Benchmarks.Configs;

/// <summary>
/// Jobs for benchmarks whose every invocation consumes a fresh batch (event time only moves forward, so a batch
/// cannot be judged twice): a fixed number of invocations per iteration, all of them prepared by the iteration setup,
/// outside the measured time and allocations.
/// </summary>
public static class BatchJobs
{
    /// <summary>Warm-up iterations of a batch job.</summary>
    public const int WarmupIterations = 3;

    /// <summary>Measured iterations of a batch job.</summary>
    public const int MeasuredIterations = 10;

    /// <summary>A job of <paramref name="invocationsPerIteration"/> batches per iteration, run in this process.</summary>
    public static Job Create(string id, int invocationsPerIteration) =>
        Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupIterations)
            .WithIterationCount(MeasuredIterations)
            .WithInvocationCount(invocationsPerIteration)
            .WithUnrollFactor(1)
            .WithId(id);
}
