using Actors.Detection.Device;
using MathNet.Numerics.Statistics;
using Xunit;

namespace Actors.Detection.Tests.Device;

public sealed class XBarSeriesTests
{
    [Fact]
    public void Series_keeps_the_last_five_values()
    {
        var series = new XBarSeries();
        double[] values = [1, 2, 3, 4, 5, 6, 7];

        for (var i = 0; i < 4; i++)
        {
            series.Add(values[i]);
        }

        Assert.False(series.IsFull);
        Assert.Equal(values[..4].Mean(), series.Mean, 12);
        Assert.Equal(values[..4], series.ToArray());

        for (var i = 4; i < values.Length; i++)
        {
            series.Add(values[i]);
        }

        Assert.True(series.IsFull);
        Assert.Equal(values[2..].Mean(), series.Mean, 12);
        Assert.Equal(values[2..], series.ToArray());
    }

    [Fact]
    public void Empty_series_has_zero_mean_and_no_values()
    {
        var series = new XBarSeries();

        Assert.False(series.IsFull);
        Assert.Equal(0, series.Mean);
        Assert.Empty(series.ToArray());
    }
}
