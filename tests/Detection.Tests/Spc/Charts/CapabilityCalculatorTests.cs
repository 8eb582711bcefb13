using Actors.Detection.Spc.Charts;
using Actors.Detection.Statistics;
using MathNet.Numerics.Statistics;
using Xunit;
using RunningStatistics = Actors.Detection.Statistics.RunningStatistics;

namespace Actors.Detection.Tests.Spc.Charts;

public sealed class CapabilityCalculatorTests
{
    private static readonly DateOnly Day = new(2026, 2, 17);

    [Fact]
    public void Reproduces_the_NIST_handbook_example_6_1_6()
    {
        // NIST/SEMATECH e-Handbook of Statistical Methods, section 6.1.6 "What is Process Capability?": USL = 20,
        // LSL = 8, mean 16, sigma 2 gives Cp = 1.0, Cpu = 0.6667, Cpl = 1.3333 and Cpk = 0.6667.
        var spec = new SpecLimits(8, 20);

        Assert.Equal(1.0, CapabilityCalculator.Potential(spec, 2));
        Assert.Equal(0.6667, Math.Round(CapabilityCalculator.Performance(spec, 16, 2)!.Value, 4));
        Assert.Equal(0.6667, Math.Round(CapabilityCalculator.Performance(spec with { Lower = null }, 16, 2)!.Value, 4));
        Assert.Equal(1.3333, Math.Round(CapabilityCalculator.Performance(spec with { Upper = null }, 16, 2)!.Value, 4));
    }

    [Fact]
    public void Random_readings_match_MathNet_and_plain_counts()
    {
        var random = new Random(8);
        var values = Enumerable.Range(0, 2_000).Select(_ => 50 + (random.NextDouble() - 0.5) * 3).ToArray();
        var spec = new SpecLimits(48.8, 51.5, 50.2);
        var stats = default(RunningStatistics);
        foreach (var value in values)
        {
            stats.Add(value);
        }

        var mrBar = values.Skip(1).Zip(values, (b, a) => Math.Abs(b - a)).Average();
        var outShare = values.Count(v => v < 48.8 || v > 51.5) / (double)values.Length;

        var capability = CapabilityCalculator.Compute("thickness", Day, spec, stats, mrBar, outShare);

        var mean = values.Mean();
        var s = values.StandardDeviation();
        var within = mrBar / 1.128;
        Assert.Equal(values.Length, capability.Count);
        Assert.Equal(mean, capability.Mean, 10);
        Assert.Equal(s, capability.SigmaOverall, 10);
        Assert.Equal(within, capability.SigmaWithin!.Value, 10);
        Assert.Equal((51.5 - 48.8) / (6 * within), capability.Cp!.Value, 10);
        Assert.Equal(Math.Min(51.5 - mean, mean - 48.8) / (3 * within), capability.Cpk!.Value, 10);
        Assert.Equal((51.5 - 48.8) / (6 * s), capability.Pp!.Value, 10);
        Assert.Equal(Math.Min(51.5 - mean, mean - 48.8) / (3 * s), capability.Ppk!.Value, 10);
        Assert.Equal((51.5 - 48.8) / (6 * Math.Sqrt(s * s + (mean - 50.2) * (mean - 50.2))), capability.Cpm!.Value, 10);
        Assert.Equal(outShare, capability.OutOfSpecShare);
        Assert.True(outShare > 0);
    }

    [Fact]
    public void Indices_needing_what_is_missing_are_null()
    {
        var stats = default(RunningStatistics);
        stats.Add(1);
        stats.Add(3);

        var upperOnly = CapabilityCalculator.Compute("m", Day, new SpecLimits(null, 10), stats, mrBar: null, 0);

        Assert.Null(upperOnly.Cp);
        Assert.Null(upperOnly.Cpk);
        Assert.Null(upperOnly.Pp);
        Assert.Null(upperOnly.Cpm);
        Assert.Equal((10 - 2) / (3 * Math.Sqrt(2)), upperOnly.Ppk!.Value, 12);
    }
}
