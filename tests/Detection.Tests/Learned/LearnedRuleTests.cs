using Actors.Detection.Learned;
using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Detection.Tests.Learned.SyntheticSeries;

namespace Actors.Detection.Tests.Learned;

public sealed class LearnedRuleTests
{
    private static readonly LearnedRule Rule = new(new LearnedSettings { Enabled = true });

    [Fact]
    public void Gaussian_noise_raises_no_alert()
    {
        Assert.Empty(Alerts(Make(6000, _ => 50)));
    }

    [Fact]
    public void A_spike_is_alerted_at_the_spike()
    {
        var values = Make(4000, _ => 50);
        values[3000] = 62;

        Assert.Equal([3000], Alerts(values));
    }

    [Fact]
    public void A_level_shift_is_alerted_once_at_the_shift_and_the_new_level_is_learned()
    {
        var values = Make(8000, i => i < 3000 ? 50 : 58);

        var alert = Assert.Single(Alerts(values));
        Assert.InRange(alert, 3000, 3010);
    }

    [Fact]
    public void A_drift_alerts_only_where_it_leaves_every_value_seen_and_stops_once_the_level_settles()
    {
        var values = Make(10000, i => 50 + (Math.Min(i, 4000) * 0.002));
        var series = new LearnedSeries();
        var alerts = new List<(int Index, double Score)>();
        for (var i = 0; i < values.Length; i++)
        {
            var outside = series.Range.IsOutside(values[i]);
            if (Rule.Judge(series, values[i]) is { } score)
            {
                Assert.True(outside, $"alert at {i} within the range seen");
                alerts.Add((i, score));
            }
        }

        Assert.NotEmpty(alerts);
        Assert.All(alerts, alert => Assert.InRange(alert.Index, 0, 4500));
    }

    [Fact]
    public void A_day_whose_cycle_peaks_higher_than_every_day_before_is_alerted_during_that_day()
    {
        var values = Make(6000, i => 50 + ((i / 288 == 15 ? 20 : 10) * Math.Sin(2 * Math.PI * i / 288)), noise: 0.5);

        Assert.Contains(Alerts(values), alert => alert is >= 288 * 15 and < 288 * 16);
    }

    [Fact]
    public void A_flat_line_raises_no_alert_and_a_step_off_it_is_alerted_within_two_readings()
    {
        var values = Enumerable.Range(0, 3000).Select(i => i < 2000 ? 5.0 : 6.0).ToArray();

        var alert = Assert.Single(Alerts(values));
        Assert.InRange(alert, 2000, 2001);
    }

    [Fact]
    public void No_reading_of_the_cold_start_scores_above_zero()
    {
        var values = Make(1000, _ => 50);
        values[100] = 1000;
        values[300] = -1000;
        var series = new LearnedSeries();

        var scores = values.Select(series.Score).ToArray();

        Assert.All(scores[..LearnedSeries.ColdStartReadings], score => Assert.Equal(0, score));
        Assert.Contains(scores[LearnedSeries.ColdStartReadings..], score => score > 0);
    }

    [Fact]
    public void Every_score_is_between_zero_and_one()
    {
        var values = Make(5000, i => i < 2500 ? 50 : 70 + (5 * Math.Sin(i / 10.0)), noise: 3);
        var series = new LearnedSeries();

        Assert.All(values.Select(series.Score), score => Assert.InRange(score, 0, 1));
    }

    [Fact]
    public void The_same_values_give_the_same_scores()
    {
        var values = Make(4000, i => 50 + (10 * Math.Sin(i / 40.0)) + (i > 3000 ? 5 : 0));
        var first = new LearnedSeries();
        var second = new LearnedSeries();

        Assert.Equal(values.Select(first.Score).ToArray(), values.Select(second.Score).ToArray());
    }

    [Fact]
    public void After_an_alert_the_quiet_readings_raise_none()
    {
        var values = Make(4000, _ => 50);
        values[3000] = 70;
        values[3050] = 90;
        values[3200] = 110;

        Assert.Equal([3000, 3200], Alerts(values));
    }

    private static List<int> Alerts(double[] values)
    {
        var series = new LearnedSeries();
        var alerts = new List<int>();
        for (var i = 0; i < values.Length; i++)
        {
            if (Rule.Judge(series, values[i]) is not null)
            {
                alerts.Add(i);
            }
        }

        return alerts;
    }
}
