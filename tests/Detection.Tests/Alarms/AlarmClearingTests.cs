using Actors.Detection.Alarms;
using Actors.Grains.Interfaces;
using Xunit;

namespace Actors.Detection.Tests.Alarms;

public sealed class AlarmClearingTests
{
    [Fact]
    public void A_value_inside_the_deadband_does_not_clear_and_one_below_it_does()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions { Deadband = 2 });
        feed.Feed((0, 31));

        var insideDeadband = feed.Feed((1, 29.5), (2, 28));
        var below = feed.Feed((3, 27.9));

        Assert.Empty(insideDeadband);
        Assert.Equal(AlarmState.Normal, Assert.Single(below).State);
        Assert.Equal(AlarmFeed.T0.AddSeconds(3), below[0].At);
    }

    [Fact]
    public void A_value_inside_the_deadband_restarts_the_count_of_normal_readings()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions { Deadband = 2, ClearAfterReadings = 2 });
        feed.Feed((0, 31));

        Assert.Empty(feed.Feed((1, 20), (2, 29), (3, 20)));
        Assert.Equal(AlarmState.Normal, Assert.Single(feed.Feed((4, 20))).State);
    }

    [Fact]
    public void It_clears_after_the_configured_number_of_consecutive_normal_readings()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions { ClearAfterReadings = 3 });

        var transitions = feed.Feed((0, 31), (1, 20), (2, 20), (3, 31), (4, 20), (5, 20), (6, 20));

        Assert.Equal([AlarmState.Active, AlarmState.Normal], transitions.Select(t => t.State));
        Assert.Equal(AlarmFeed.T0.AddSeconds(6), transitions[1].At);
    }

    [Fact]
    public void It_clears_only_after_the_quiet_period_since_the_latest_anomaly()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions { QuietPeriod = TimeSpan.FromSeconds(60) });
        feed.Feed((0, 31));

        var early = feed.Feed((10, 20), (59, 20));
        var quiet = feed.Feed((60, 20));

        Assert.Empty(early);
        Assert.Equal(AlarmState.Normal, Assert.Single(quiet).State);
    }

    [Fact]
    public void A_flapping_condition_is_one_alarm_with_a_count_not_a_storm()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions { ClearAfterReadings = 3 });
        var flapping = Enumerable.Range(0, 40).Select(i => ((double)i, i % 2 == 0 ? 31.0 : 29.0)).ToArray();

        var transitions = feed.Feed(flapping);
        var settled = feed.Feed((40, 20), (41, 20), (42, 20));

        Assert.Equal(AlarmState.Active, Assert.Single(transitions).State);
        var cleared = Assert.Single(settled);
        Assert.Equal(AlarmState.Normal, cleared.State);
        Assert.Equal(20, cleared.Count);
    }

    [Fact]
    public void A_lower_limit_breach_clears_above_the_lower_limit_plus_the_deadband()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions { Deadband = 1 });
        var breach = AlarmFeed.Breach(AlarmFeed.T0, 4) with { UpperLimit = null, LowerLimit = 5 };
        var transitions = new List<AlarmTransition>();
        feed.Book.Observe(AlarmFeed.DeviceId, [Reading(0, 4)], [breach], feed.Options, feed.Now, transitions);

        feed.Book.Observe(AlarmFeed.DeviceId, [Reading(1, 5.5)], [], feed.Options, feed.Now, transitions);
        feed.Book.Observe(AlarmFeed.DeviceId, [Reading(2, 6.1)], [], feed.Options, feed.Now, transitions);

        Assert.Equal([AlarmState.Active, AlarmState.Normal], transitions.Select(t => t.State));
        Assert.Equal(AlarmFeed.T0.AddSeconds(2), transitions[1].At);
    }

    [Fact]
    public void Readings_of_other_metrics_do_not_clear_the_alarm()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions());
        feed.Feed((0, 31));
        var transitions = new List<AlarmTransition>();

        feed.Book.Observe(AlarmFeed.DeviceId, [new Reading { DeviceId = AlarmFeed.DeviceId, Timestamp = AlarmFeed.T0.AddSeconds(1), Metrics = [new Metric("humidity", 10)] }], [], feed.Options, feed.Now, transitions);

        Assert.Empty(transitions);
        Assert.Equal(AlarmState.Active, feed.Alarm!.State);
    }

    private static Reading Reading(double seconds, double value) =>
        new() { DeviceId = AlarmFeed.DeviceId, Timestamp = AlarmFeed.T0.AddSeconds(seconds), Metrics = [new Metric("temperature", value)] };
}
