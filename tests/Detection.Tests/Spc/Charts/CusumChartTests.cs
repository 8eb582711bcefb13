using Actors.Detection.Spc.Charts;
using Xunit;

namespace Actors.Detection.Tests.Spc.Charts;

public sealed class CusumChartTests
{
    [Fact]
    public void Reproduces_Montgomery_example_9_1()
    {
        // Montgomery, Introduction to Statistical Quality Control (6th ed.), Example 9.1 and Table 9.2: tabular CUSUM
        // of Table 9.1 with mu0 = 10, sigma = 1, k = 1/2, h = 5. Printed: C-1 = 0.05, C-2 = 1.56, C-3 = 1.77,
        // C+4 = 1.16, C+5 = 2.82; the first signal is at period 29 with C+29 = 5.28 and N+ = 7.
        var chart = new CusumChart();

        var points = PublishedExamples.MontgomeryTable91.Select(x => chart.Add(x, 10, 1, new CusumSettings(0.5, 5))).ToArray();

        Assert.Equal([0.05, 1.56, 1.77], points[..3].Select(p => Math.Round(p.Lower, 2)));
        Assert.Equal([1.16, 2.82], points[3..5].Select(p => Math.Round(p.Upper, 2)));
        var first = Array.FindIndex(points, p => p.SignalsUp || p.SignalsDown);
        Assert.Equal(29, first + 1);
        Assert.Equal(5.28, Math.Round(points[first].Upper, 2));
        Assert.Equal(7, points[first].UpperRun);
        Assert.True(points[first].SignalsUp);
    }

    [Fact]
    public void Random_series_match_a_plain_loop_with_restart_after_each_signal()
    {
        var random = new Random(3);
        var settings = new CusumSettings(K: 0.25, H: 4);
        var values = Enumerable.Range(0, 2_000).Select(i => 100 + (i / 250 % 3 - 1) * 0.8 + random.NextDouble() * 4 - 2).ToArray();
        var chart = new CusumChart();
        double high = 0, low = 0;
        var signals = 0;

        foreach (var x in values)
        {
            high = Math.Max(0, high + x - 100 - 0.25 * 2);
            low = Math.Max(0, low + 100 - 0.25 * 2 - x);
            var point = chart.Add(x, 100, 2, settings);

            Assert.Equal(high, point.Upper, 10);
            Assert.Equal(low, point.Lower, 10);
            Assert.Equal(high > 8, point.SignalsUp);
            Assert.Equal(low > 8, point.SignalsDown);
            if (high > 8 || low > 8)
            {
                signals++;
                high = low = 0;
            }
        }

        Assert.True(signals > 2, $"the shifts should signal; {signals} signals");
    }
}
