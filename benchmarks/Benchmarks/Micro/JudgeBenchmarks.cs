using Actors.Benchmarks.Configs;
using Actors.Benchmarks.Data;
using Actors.Detection.Device;
using Actors.Grains.Interfaces;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks.Micro;

/// <summary>
/// <see cref="DeviceDetector.Judge"/> of a batch of 1000 readings of one simulated manufacturing line (one reading a
/// second: thickness and line speed, one product at a time, drift episodes), with thresholds, the z-score rule and
/// SPC limits present, on one device state that lives across all batches, as in a device grain. Results are per
/// reading.
/// </summary>
[Config(typeof(JudgeRunConfig))]
[MemoryDiagnoser]
public class JudgeBenchmarks
{
    public const int BatchSize = 1000;

    private readonly Queue<Reading[]> _batches = new();
    private readonly List<Anomaly> _anomalies = [];
    private readonly DeviceDetector _detector = new();
    private readonly DeviceState _state = new();
    private readonly Func<string, DateTime, ControlLimits[]?> _limits = BenchmarkRules.LimitsLookup();
    private SimulatedReadings _readings = null!;
    private string _deviceId = null!;

    [GlobalSetup]
    public void Setup()
    {
        _readings = new SimulatedReadings(devices: 1, TimeSpan.FromSeconds(1));
        var first = _readings.NextBatch(BatchSize);
        _deviceId = first[0].DeviceId;
        _detector.Judge(_deviceId, _state, first, BenchmarkRules.Rules, _limits, _anomalies);
    }

    [IterationSetup]
    public void PrepareBatches() => _readings.TopUp(_batches, JudgeRunConfig.Invocations, BatchSize);

    [GlobalCleanup]
    public void Cleanup() => _readings.Dispose();

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int Judge()
    {
        var batch = _batches.Count > 0 ? _batches.Dequeue() : _readings.NextBatch(BatchSize);
        _anomalies.Clear();
        var (accepted, _) = _detector.Judge(_deviceId, _state, batch, BenchmarkRules.Rules, _limits, _anomalies);
        return accepted + _anomalies.Count;
    }
}
