using Actors.Detection.Spc.Charts;
using Xunit;

namespace Actors.Detection.Tests.Spc.Charts;

public sealed class RunRuleChartTests
{
    private static readonly ChartZones Unit = new(0, 1, 1);

    public static TheoryData<NelsonTest, double[], int> Crafted => new()
    {
        { NelsonTest.BeyondLimit, [0.5, -0.5, 3.5, 0.5, -3], 2 },
        { NelsonTest.SameSide, [-0.5, .. Enumerable.Repeat(0.5, 9), -0.5, 0.5], 9 },
        { NelsonTest.Trend, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.4, 0.3, 0.3, 0.4], 5 },
        { NelsonTest.Alternating, [.. Enumerable.Range(0, 14).Select(i => i % 2 == 0 ? 0.3 : -0.3), -0.3, 0.3], 13 },
        { NelsonTest.BeyondTwoSigma, [0, 2.5, 0, 2.5, 0, 0, -2.5, 0, 0], 3 },
        { NelsonTest.BeyondOneSigma, [0, 1.5, 1.5, 1.5, 0, 1.5, 0, 0, 0, 0, -1.5], 5 },
        { NelsonTest.WithinOneSigma, [2, .. Enumerable.Range(0, 15).Select(i => i % 3 == 0 ? 0.5 : -0.5), 2], 15 },
        { NelsonTest.NoneWithinOneSigma, [0, 1.5, -1.5, 1.5, -1.5, 1.5, -1.5, 1.5, -1.5, 0], 8 },
    };

    [Theory]
    [MemberData(nameof(Crafted))]
    public void A_crafted_series_triggers_its_test_exactly_once_at_the_point_that_completes_it(NelsonTest test, double[] series, int expectedIndex)
    {
        var settings = new RunRuleSettings { Tests = [test] };

        var found = Judge(series, settings);

        var (index, violation) = Assert.Single(found);
        Assert.Equal(expectedIndex, index);
        Assert.Equal(test, violation.Test);
        Assert.StartsWith($"Nelson {(int)test}: ", violation.Description);
        Assert.Equal(RunRuleOracle.Run(series, 0, 1, settings).Where(v => v.Test == test).Select(v => v.Index), [index]);
    }

    [Fact]
    public void Descriptions_name_the_test_its_count_and_the_side()
    {
        var found = Judge([-0.5, .. Enumerable.Repeat(-0.5, 8)], new RunRuleSettings { Tests = [NelsonTest.SameSide] });

        Assert.Equal("Nelson 2: 9 points in a row below the center line", Assert.Single(found).Violation.Description);
        Assert.Equal(9, found[0].Violation.Points);
    }

    [Fact]
    public void Western_Electric_counts_eight_in_a_row_on_one_side()
    {
        // 1 point beyond 3 sigma, 2 of 3 beyond 2 sigma, 4 of 5 beyond 1 sigma, 8 in a row on one side.
        var westernElectric = new RunRuleSettings
        {
            Tests = [NelsonTest.BeyondLimit, NelsonTest.SameSide, NelsonTest.BeyondTwoSigma, NelsonTest.BeyondOneSigma],
            K2 = 8,
        };

        var found = Judge([.. Enumerable.Repeat(0.5, 8)], westernElectric);

        Assert.Equal((7, NelsonTest.SameSide), (found.Single().Index, found.Single().Violation.Test));
    }

    [Fact]
    public void A_pattern_that_goes_on_is_marked_at_every_point_that_completes_it()
    {
        var found = Judge([.. Enumerable.Repeat(0.5, 11)], new RunRuleSettings { Tests = [NelsonTest.SameSide] });

        Assert.Equal([8, 9, 10], found.Select(f => f.Index));
    }

    [Fact]
    public void Reset_forgets_the_points_before_it()
    {
        var chart = new RunRuleChart();
        var settings = new RunRuleSettings { Tests = [NelsonTest.SameSide] };
        var found = new List<RunRuleViolation>();
        for (var i = 0; i < 8; i++)
        {
            chart.Add(0.5, Unit, settings, found);
        }

        chart.Reset();
        chart.Add(0.5, Unit, settings, found);

        Assert.Empty(found);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_series_give_what_the_plain_look_back_implementation_gives(int seed)
    {
        var random = new Random(seed);
        var settings = new RunRuleSettings
        {
            Tests = Enum.GetValues<NelsonTest>(),
            K1 = 2.5 + random.NextDouble(),
            K2 = random.Next(2, 12),
            K3 = random.Next(3, 6),
            K4 = random.Next(3, 10),
            K5 = random.Next(1, 5),
            K6 = random.Next(1, 6),
            K7 = random.Next(2, 10),
            K8 = random.Next(2, 6),
        };
        var shift = 0.0;
        var series = new double[5_000];
        for (var i = 0; i < series.Length; i++)
        {
            if (random.NextDouble() < 0.01)
            {
                shift = random.NextDouble() * 3 - 1.5;
            }

            series[i] = Math.Round((shift + Normal(random)) * 4) / 4;
        }

        var expected = RunRuleOracle.Run(series, 0.25, 1, settings);
        var actual = Judge(series, settings, new ChartZones(0.25, 1, 1)).Select(f => (f.Index, f.Violation.Test)).ToList();

        Assert.Equal(expected, actual);
        Assert.All(Enum.GetValues<NelsonTest>(), test => Assert.Contains(expected, v => v.Test == test));
    }

    [Fact]
    public void Asymmetric_limits_give_each_side_its_own_sigma()
    {
        var zones = ChartZones.FromLimits(10, 16, 7);

        Assert.Equal(2, zones.SigmaAbove);
        Assert.Equal(1, zones.SigmaBelow);
        Assert.Equal(1.5, zones.SigmasFromCenter(13));
        Assert.Equal(-2, zones.SigmasFromCenter(8));
        Assert.Equal(14, zones.Line(2));
        Assert.Equal(8, zones.Line(-2));
    }

    private static List<(int Index, RunRuleViolation Violation)> Judge(double[] series, RunRuleSettings settings, ChartZones? zones = null)
    {
        var chart = new RunRuleChart();
        var result = new List<(int, RunRuleViolation)>();
        var found = new List<RunRuleViolation>();
        for (var i = 0; i < series.Length; i++)
        {
            found.Clear();
            chart.Add(series[i], zones ?? Unit, settings, found);
            result.AddRange(found.Select(v => (i, v)));
        }

        return result;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
