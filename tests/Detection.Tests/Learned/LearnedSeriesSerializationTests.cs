using Actors.Detection.Learned;
using Actors.Detection.Tests.Spc;
using Xunit;
using static Actors.Detection.Tests.Learned.SyntheticSeries;

namespace Actors.Detection.Tests.Learned;

public sealed class LearnedSeriesSerializationTests
{
    [Fact]
    public void A_series_restored_by_the_Orleans_serializer_scores_the_rest_exactly_as_the_original()
    {
        var values = Make(6000, i => 50 + (10 * Math.Sin(i / 40.0)) + (i > 4000 ? 8 : 0));
        var original = new LearnedSeries();
        foreach (var value in values[..3000])
        {
            original.Score(value);
        }

        var copy = SpcSerialization.RoundTrip(original);

        Assert.Equal(values[3000..].Select(original.Score).ToArray(), values[3000..].Select(copy.Score).ToArray());
    }

    [Fact]
    public void The_stored_state_of_a_series_stays_under_4_KB_however_long_the_series()
    {
        var series = new LearnedSeries();
        var sizes = new List<int>();
        foreach (var value in Make(20000, i => 50 + (20 * Math.Sin(i / 7.0)), noise: 5))
        {
            series.Score(value);
            if (series.Readings % 5000 == 0)
            {
                sizes.Add(SpcSerialization.Size(series));
            }
        }

        Assert.All(sizes, size => Assert.InRange(size, 1, 4096));
    }
}
