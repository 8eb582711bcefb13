using Actors.Detection.Spc.Charts;
using Xunit;

namespace Actors.Detection.Tests.Spc.Charts;

public sealed class EwmaChartTests
{
    [Fact]
    public void Reproduces_the_NIST_handbook_example_6_3_2_4()
    {
        // NIST/SEMATECH e-Handbook of Statistical Methods, section 6.3.2.4: EWMA0 = 50, s = 2.0539, lambda = 0.3,
        // printed UCL = 52.5884, LCL = 47.4115 and the EWMA values of PublishedExamples.NistEwmaPrinted; no point
        // falls outside the limits.
        var settings = new EwmaSettings(Lambda: 0.3, L: 3);
        var chart = new EwmaChart();

        var points = PublishedExamples.NistEwma.Select(x => chart.Add(x, 50, 2.0539, settings)).ToArray();

        Assert.Equal(PublishedExamples.NistEwmaPrinted, points.Select(p => Math.Round(p.Statistic, 2)));
        Assert.Equal(52.5884, Math.Round(50 + AsymptoticHalfWidth(2.0539, settings), 4));
        Assert.Equal(47.4115, 50 - AsymptoticHalfWidth(2.0539, settings), 0.0001);
        Assert.DoesNotContain(points, p => p.Signals);
    }

    [Fact]
    public void Reproduces_Montgomery_example_9_2()
    {
        // Montgomery, Introduction to Statistical Quality Control (6th ed.), Example 9.2 on the data of Table 9.1:
        // lambda = 0.1, L = 2.7, mu0 = 10, sigma = 1; printed z1 = 9.945, z2 = 9.7495, limits of period 1
        // 10.27 / 9.73, of period 2 10.36 / 9.64, asymptotic 10.62 / 9.38.
        var settings = new EwmaSettings(Lambda: 0.1, L: 2.7);
        var chart = new EwmaChart();

        var points = PublishedExamples.MontgomeryTable91.Select(x => chart.Add(x, 10, 1, settings)).ToArray();

        Assert.Equal(9.945, points[0].Statistic, 10);
        Assert.Equal(9.7495, points[1].Statistic, 10);
        Assert.Equal((10.27, 9.73), (Math.Round(points[0].Upper, 2), Math.Round(points[0].Lower, 2)));
        Assert.Equal((10.36, 9.64), (Math.Round(points[1].Upper, 2), Math.Round(points[1].Lower, 2)));
        Assert.Equal(10.62, Math.Round(10 + AsymptoticHalfWidth(1, settings), 2));
        Assert.Equal(9.38, Math.Round(10 - AsymptoticHalfWidth(1, settings), 2));
    }

    [Fact]
    public void Random_series_match_the_weighted_sum_form()
    {
        var random = new Random(11);
        var settings = new EwmaSettings(Lambda: 0.15, L: 2.8);
        var values = Enumerable.Range(0, 300).Select(_ => 5 + random.NextDouble() * 2).ToArray();
        var chart = new EwmaChart();

        for (var t = 1; t <= values.Length; t++)
        {
            var point = chart.Add(values[t - 1], 6, 0.5, settings);

            var expected = Math.Pow(0.85, t) * 6;
            for (var j = 0; j < t; j++)
            {
                expected += 0.15 * Math.Pow(0.85, j) * values[t - 1 - j];
            }

            var variance = 0.0;
            for (var j = 0; j < t; j++)
            {
                variance += 0.15 * 0.15 * Math.Pow(0.85, 2 * j) * 0.25;
            }

            Assert.Equal(expected, point.Statistic, 10);
            Assert.Equal(6 + 2.8 * Math.Sqrt(variance), point.Upper, 10);
            Assert.Equal(6 - 2.8 * Math.Sqrt(variance), point.Lower, 10);
        }
    }

    [Fact]
    public void Reset_starts_again_from_the_center_line()
    {
        var settings = new EwmaSettings(0.5, 3);
        var chart = new EwmaChart();
        chart.Add(20, 10, 1, settings);

        chart.Reset();

        Assert.Equal(12, chart.Add(14, 10, 1, settings).Statistic);
    }

    /// <summary>Half the width of the asymptotic limits, as the textbooks print them: L sigma sqrt(lambda / (2 - lambda)).</summary>
    private static double AsymptoticHalfWidth(double sigma, EwmaSettings settings) =>
        settings.L * sigma * Math.Sqrt(settings.Lambda / (2 - settings.Lambda));
}
