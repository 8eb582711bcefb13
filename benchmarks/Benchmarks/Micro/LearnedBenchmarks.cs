using Actors.Benchmarks.Configs;
using Actors.Detection.Learned;
using Actors.Grains.Interfaces;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks.Micro;

/// <summary>
/// The learned rule judging one reading of one series (<see cref="LearnedRule.Judge(LearnedSeries, double)"/>: score, learn, threshold), on
/// a series state that has seen 10,000 readings of a noisy daily cycle, fed 4,096 more values of the same cycle in a
/// loop. Results are per reading.
/// </summary>
[Config(typeof(InProcessShortRunConfig))]
[MemoryDiagnoser]
public class LearnedBenchmarks
{
    private const int Values = 4096;

    private readonly LearnedRule _rule = new(new LearnedSettings { Enabled = true });
    private readonly LearnedSeries _series = new();
    private readonly double[] _values = new double[Values];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var i = 0; i < 10_000 + Values; i++)
        {
            var value = 50 + (10 * Math.Sin(2 * Math.PI * i / 288)) + random.NextDouble();
            if (i < 10_000)
            {
                _rule.Judge(_series, value);
            }
            else
            {
                _values[i - 10_000] = value;
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Values)]
    public int Judge()
    {
        var alerts = 0;
        foreach (var value in _values)
        {
            if (_rule.Judge(_series, value) is not null)
            {
                alerts++;
            }
        }

        return alerts;
    }
}
