using Actors.Benchmarks.Configs;
using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks.Micro;

/// <summary>
/// What a product grain's <c>Accumulate</c> computes for one batch: the source-position check, then
/// <see cref="ProductHistory.Add"/> of 1000 readings (10 devices, one reading a second each, thickness and line speed)
/// and <see cref="ProductHistory.Prune"/>, on a history that already counted readings of <see cref="KnownDevices"/>
/// devices. Shows that the per-batch cost does not depend on how many devices make the product. Results are per reading.
/// </summary>
[Config(typeof(ProductRunConfig))]
[MemoryDiagnoser]
public class ProductAccumulateBenchmarks
{
    public const int BatchSize = 1000;
    private const int BatchDevices = 10;
    private const string Product = "B205";

    private static readonly DateTime Start = new(2026, 2, 14, 0, 0, 0, DateTimeKind.Utc);

    private readonly Queue<Reading[]> _batches = new();
    private readonly SpcOptions _settings = new();
    private readonly Random _random = new(42);
    private ProductHistory _history = null!;
    private SourceWatermarks _sources = null!;
    private long _position;
    private DateTime _next;

    [Params(10, 10_000, 50_000)]
    public int KnownDevices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _history = new ProductHistory();
        _sources = new SourceWatermarks();
        for (var i = 0; i < KnownDevices; i++)
        {
            _history.Add(Reading($"known-{i:D6}", Start));
        }
        _next = Start.AddSeconds(1);
    }

    [IterationSetup]
    public void PrepareBatches()
    {
        while (_batches.Count < ProductRunConfig.Invocations)
        {
            _batches.Enqueue(NextBatch());
        }
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int Accumulate()
    {
        var batch = _batches.Count > 0 ? _batches.Dequeue() : NextBatch();
        var added = 0;
        foreach (var reading in batch)
        {
            var position = (++_position).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_sources.IsNew("shard", position))
            {
                _history.Add(reading);
                _sources.Advance("shard", position);
                added++;
            }
        }
        _history.Prune(SpcCalendar.Utc, _settings);
        return added + _history.Buckets;
    }

    private Reading[] NextBatch()
    {
        var batch = new Reading[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            batch[i] = Reading($"line-{i % BatchDevices}", _next);
            if (i % BatchDevices == BatchDevices - 1)
            {
                _next = _next.AddSeconds(1);
            }
        }
        return batch;
    }

    private Reading Reading(string device, DateTime time) => new()
    {
        DeviceId = device,
        ProductId = Product,
        Timestamp = time,
        Metrics = [new Metric("thickness", 50 + (_random.NextDouble() - 0.5)), new Metric("line_speed", 50 + (_random.NextDouble() - 0.5))],
    };
}
