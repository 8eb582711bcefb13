using Actors.Benchmarks.Configs;
using Actors.Benchmarks.Data;
using Actors.Benchmarks.Embedded;
using Actors.Grains.Interfaces;
using Actors.Ingestor.Pipeline;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks.Micro;

/// <summary>
/// <see cref="ReadingDispatcher.DispatchAsync(IReadOnlyList{Reading})"/> of a batch of 1000 readings of 10 simulated devices (6 lines, 2
/// temperature sensors, a board, a gateway; one reading a second each) into an embedded silo, with the benchmark
/// rules and imported limits. Includes everything a batch costs in the silo: product accumulation, device judging,
/// notifier calls and state writes. <see cref="Storage"/> <c>memory</c> is the embedded silo as the ingestor starts
/// it (in-memory state); <c>serialize</c> is the same silo with a store that serializes every write and keeps nothing
/// (what a remote store costs the silo, without the network); <c>discard</c> keeps nothing and serializes nothing,
/// which isolates the cost of the state writes. Allocations are of the whole process (all threads). Results are per
/// reading.
/// </summary>
[Config(typeof(DispatchRunConfig))]
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    public const int BatchSize = 1000;
    public const int Devices = 10;

    private readonly Queue<Reading[]> _batches = new();
    private SimulatedReadings _readings = null!;
    private SiloUnderTest _cluster = null!;
    private ReadingDispatcher _dispatcher = null!;

    [Params("memory", "serialize", "discard")]
    public string Storage { get; set; } = "memory";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cluster = Storage == "memory"
            ? await SiloUnderTest.StartEmbeddedAsync(BenchmarkRules.SiloConfiguration(), CancellationToken.None)
            : await SiloUnderTest.StartWithDiscardStorageAsync(BenchmarkRules.SiloConfiguration(), serialize: Storage == "serialize", CancellationToken.None);
        var first = DateOnly.FromDateTime(SimulatedReadings.Start);
        await Task.WhenAll(BenchmarkRules.LimitsByProduct(first, days: 60)
            .Select(p => _cluster.Grains.GetGrain<IProductGrain>(p.Key).ImportLimits(p.Value)));
        _dispatcher = new ReadingDispatcher(_cluster.Grains);
        _readings = new SimulatedReadings(Devices, TimeSpan.FromSeconds(1));
        for (var i = 0; i < 5; i++)
        {
            await _dispatcher.DispatchAsync(_readings.NextBatch(BatchSize));
        }
    }

    [IterationSetup]
    public void PrepareBatches() => _readings.TopUp(_batches, DispatchRunConfig.Invocations, BatchSize);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_cluster.Storage is { } storage)
        {
            Console.WriteLine($"// state writes ({Storage}): {storage.Describe()}");
        }
        _readings.Dispose();
        await _cluster.DisposeAsync();
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public Task<BatchOutcome> Dispatch() =>
        _dispatcher.DispatchAsync(_batches.Count > 0 ? _batches.Dequeue() : _readings.NextBatch(BatchSize));
}
