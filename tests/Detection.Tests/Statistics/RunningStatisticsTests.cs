using Actors.Detection.Statistics;
using MathNet.Numerics.Statistics;
using RunningStatistics = Actors.Detection.Statistics.RunningStatistics;
using Xunit;

namespace Actors.Detection.Tests.Statistics;

public sealed class RunningStatisticsTests
{
    private const double Tolerance = 1e-10;

    public static TheoryData<int, double, double, int> Samples() => new()
    {
        { 2, 0, 1, 1 },
        { 3, 10, 2, 2 },
        { 30, 50, 0.5, 3 },
        { 1_000, -250, 1e4, 4 },
        { 10_000, 1e-6, 1e-9, 5 },
        { 100_000, 0, 1, 6 },
        { 1_000, 1e6, 1, 7 },
        { 100_000, 1e6, 4, 8 },
        { 10_000, 1e6, 3, 9 },
        { 100_000, 1e5, 0.5, 10 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Add_matches_MathNet_mean_variance_and_standard_deviation(int n, double offset, double scale, int seed)
    {
        var values = Normal(n, offset, scale, seed);

        var stats = Accumulate(values);

        Assert.Equal(n, stats.Count);
        AssertClose(values.Mean(), stats.Mean);
        AssertClose(values.Variance(), stats.Variance);
        AssertClose(values.StandardDeviation(), stats.StdDev);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Merge_of_random_contiguous_splits_equals_sequential(int n, double offset, double scale, int seed)
    {
        var values = Normal(n, offset, scale, seed);
        var random = new Random(seed * 31);
        var sequential = Accumulate(values);

        for (var trial = 0; trial < 5; trial++)
        {
            var cuts = Enumerable.Range(0, random.Next(1, 12)).Select(_ => random.Next(0, n + 1))
                .Append(0).Append(n).Distinct().Order().ToArray();
            var parts = cuts.Zip(cuts.Skip(1), (from, to) => Accumulate(values[from..to])).ToList();

            var leftToRight = parts.Aggregate(default(RunningStatistics), (acc, part) => RunningStatistics.Merge(acc, part));
            var tree = MergeTree(parts);

            foreach (var merged in new[] { leftToRight, tree })
            {
                Assert.Equal(sequential.Count, merged.Count);
                AssertClose(sequential.Mean, merged.Mean);
                AssertClose(sequential.Variance, merged.Variance);
                AssertClose(values.Variance(), merged.Variance);
            }
        }
    }

    [Fact]
    public void Ill_conditioned_data_loses_precision_gracefully()
    {
        var values = Normal(10_000, 1e6, 1e-2, 9);
        var mean = values.Sum() / values.Length;
        var reference = values.Sum(value => (value - mean) * (value - mean)) / (values.Length - 1);

        var stats = Accumulate(values);

        Assert.InRange(Math.Abs(stats.Variance - reference) / reference, 0, 1e-7);
        Assert.Equal(mean, stats.Mean, 1e-6);
    }

    [Fact]
    public void Merge_uses_the_exact_Chan_formula()
    {
        var a = Accumulate([1.0, 2.0, 4.0]);
        var b = Accumulate([10.0, 20.0]);

        var merged = RunningStatistics.Merge(a, b);

        var delta = b.Mean - a.Mean;
        Assert.Equal(5, merged.Count);
        Assert.Equal(a.Mean + delta * 2 / 5, merged.Mean);
        Assert.Equal(a.M2 + b.M2 + delta * delta * 3 * 2 / 5, merged.M2);
        AssertClose(new[] { 1.0, 2.0, 4.0, 10.0, 20.0 }.Variance(), merged.Variance);
    }

    [Fact]
    public void Merge_with_an_empty_aggregate_returns_the_other_bitwise()
    {
        var a = Accumulate(Normal(100, 1e6, 1, 42));

        Assert.Equal(a, RunningStatistics.Merge(a, default));
        Assert.Equal(a, RunningStatistics.Merge(default, a));
        Assert.Equal(default, RunningStatistics.Merge(default, default));
    }

    [Fact]
    public void Variance_is_NaN_below_two_values()
    {
        var stats = default(RunningStatistics);
        Assert.Equal(0, stats.Count);
        Assert.Equal(0, stats.Mean);
        Assert.True(double.IsNaN(stats.Variance));

        stats.Add(7.5);

        Assert.Equal(1, stats.Count);
        Assert.Equal(7.5, stats.Mean);
        Assert.Equal(0, stats.M2);
        Assert.True(double.IsNaN(stats.Variance));
        Assert.True(double.IsNaN(stats.StdDev));

        stats.Add(8.5);

        Assert.Equal(0.5, stats.Variance, 15);
    }

    [Fact]
    public void Welford_update_is_exact_on_small_integers()
    {
        var stats = Accumulate([1, 2, 3, 4, 5]);

        Assert.Equal(3, stats.Mean);
        Assert.Equal(10, stats.M2);
        Assert.Equal(2.5, stats.Variance);
        Assert.Equal(Math.Sqrt(2.5), stats.StdDev);
    }

    private static RunningStatistics MergeTree(IReadOnlyList<RunningStatistics> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var middle = parts.Count / 2;
        var left = MergeTree([.. parts.Take(middle)]);
        var right = MergeTree([.. parts.Skip(middle)]);
        return RunningStatistics.Merge(left, right);
    }

    private static RunningStatistics Accumulate(IEnumerable<double> values)
    {
        var stats = default(RunningStatistics);
        foreach (var value in values)
        {
            stats.Add(value);
        }

        return stats;
    }

    private static double[] Normal(int n, double offset, double scale, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => offset + scale * Gaussian(random))];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static void AssertClose(double expected, double actual)
    {
        var error = Math.Abs(expected - actual);
        var bound = Tolerance * Math.Max(Math.Abs(expected), double.Epsilon);
        Assert.True(error <= bound, $"expected {expected:R}, got {actual:R} (relative error {error / Math.Abs(expected):E2})");
    }
}
