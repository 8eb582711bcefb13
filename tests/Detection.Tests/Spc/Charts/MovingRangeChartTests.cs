using Actors.Detection.Spc.Charts;
using MathNet.Numerics.Statistics;
using Xunit;

namespace Actors.Detection.Tests.Spc.Charts;

public sealed class MovingRangeChartTests
{
    [Fact]
    public void Reproduces_Montgomery_example_6_5()
    {
        // Montgomery, Introduction to Statistical Quality Control (6th ed.), Example 6.5: x-bar = 300.5,
        // MR-bar = 7.79, individuals UCL = 321.22, LCL = 279.78, moving-range UCL = 25.45.
        var data = PublishedExamples.MontgomeryExample65;
        var chart = new MovingRangeChart();

        var ranges = data.Select(chart.Add).OfType<double>().ToArray();
        var mrBar = ranges.Average();

        Assert.Equal(19, ranges.Length);
        Assert.Equal(300.5, data.Mean(), 10);
        Assert.Equal(7.79, Math.Round(mrBar, 2));
        Assert.Equal(321.22, Math.Round(data.Mean() + 3 * MovingRangeChart.Sigma(mrBar), 2));
        Assert.Equal(279.78, Math.Round(data.Mean() - 3 * MovingRangeChart.Sigma(mrBar), 2));
        Assert.Equal(25.45, Math.Round(MovingRangeChart.UpperLimit(mrBar), 2));
    }

    [Fact]
    public void The_first_value_has_no_moving_range()
    {
        var chart = new MovingRangeChart();

        Assert.Null(chart.Add(4));
        Assert.Equal(3, chart.Add(1));
        Assert.Equal(2.5, chart.Add(3.5));
    }
}
