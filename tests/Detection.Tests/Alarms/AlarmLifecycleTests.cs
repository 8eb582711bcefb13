using Actors.Detection.Alarms;
using Actors.Grains.Interfaces;
using Xunit;

namespace Actors.Detection.Tests.Alarms;

public sealed class AlarmLifecycleTests
{
    [Fact]
    public void An_anomaly_raises_an_active_alarm_with_the_rule_severity_and_its_cause()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions { Severity = 3 });

        var raised = Assert.Single(feed.Feed((0, 25), (1, 31)));

        Assert.Equal((AlarmState.Normal, AlarmState.Active), (raised.PreviousState, raised.State));
        Assert.Equal(3, raised.Severity);
        Assert.Equal(31, raised.Cause.MeasuredValue);
        Assert.Equal(AlarmFeed.T0.AddSeconds(1), raised.At);
        Assert.Equal("alarm/dev-1/temperature/Threshold/Active/20260217T120001.0000000Z", raised.TransitionId);
        Assert.Equal(1, raised.Count);
    }

    [Fact]
    public void Without_latching_the_alarm_clears_by_itself_and_nothing_is_kept()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions());

        var transitions = feed.Feed((0, 31), (1, 25));

        Assert.Equal([AlarmState.Active, AlarmState.Normal], transitions.Select(t => t.State));
        Assert.Equal(AlarmState.Active, transitions[1].PreviousState);
        Assert.True(feed.Book.IsEmpty);
    }

    [Fact]
    public void A_latching_alarm_whose_condition_is_over_unacknowledged_latches_until_acknowledged()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions { Latch = true });

        var transitions = feed.Feed((0, 31), (1, 25), (2, 24));

        Assert.Equal([AlarmState.Active, AlarmState.Latched], transitions.Select(t => t.State));
        Assert.Equal(AlarmState.Latched, feed.Alarm!.State);
        var acknowledged = feed.Act(AlarmAction.Acknowledge, note: "fan replaced");
        Assert.Equal((AlarmState.Latched, AlarmState.Normal), (acknowledged.PreviousState, acknowledged.State));
        Assert.Equal(("ops-anna", "fan replaced"), (acknowledged.Actor, acknowledged.Note));
        Assert.True(feed.Book.IsEmpty);
    }

    [Fact]
    public void A_latched_alarm_hit_again_is_active_again_and_counts_the_episode()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions { Latch = true });

        var transitions = feed.Feed((0, 31), (1, 25), (2, 32));

        Assert.Equal([AlarmState.Active, AlarmState.Latched, AlarmState.Active], transitions.Select(t => t.State));
        Assert.Equal(2, transitions[2].Count);
        Assert.Equal(32, transitions[2].Cause.MeasuredValue);
    }

    [Fact]
    public void An_acknowledged_alarm_stays_acknowledged_while_abnormal_and_clears_when_its_condition_is_over_even_if_it_latches()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions { Latch = true });
        feed.Feed((0, 31));

        var acknowledged = feed.Act(AlarmAction.Acknowledge);
        var later = feed.Feed((1, 33), (2, 20));

        Assert.Equal((AlarmState.Active, AlarmState.Acknowledged), (acknowledged.PreviousState, acknowledged.State));
        var cleared = Assert.Single(later);
        Assert.Equal((AlarmState.Acknowledged, AlarmState.Normal), (cleared.PreviousState, cleared.State));
        Assert.Equal(33, cleared.Cause.MeasuredValue);
    }

    [Theory]
    [InlineData(AlarmAction.Acknowledge)]
    [InlineData(AlarmAction.Enable)]
    public void Actions_the_state_does_not_allow_are_refused_and_change_nothing(AlarmAction action)
    {
        var feed = new AlarmFeed(new AlarmRuleOptions());
        feed.Feed((0, 31));
        feed.Act(AlarmAction.Acknowledge);

        var refused = Assert.Throws<AlarmActionRefusedException>(() => feed.Act(action));

        Assert.Contains("ACKNOWLEDGED", refused.Message, StringComparison.Ordinal);
        Assert.Equal(AlarmState.Acknowledged, feed.Alarm!.State);
        Assert.Single(feed.Alarm.History!);
    }

    [Fact]
    public void An_action_on_an_alarm_that_is_not_raised_is_refused()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions());

        var refused = Assert.Throws<AlarmActionRefusedException>(() => feed.Act(AlarmAction.Acknowledge));

        Assert.Contains("no Threshold alarm of temperature", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disabled_alarm_ignores_anomalies_until_enabled()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions());
        feed.Feed((0, 31));

        var disabled = feed.Act(AlarmAction.Disable, note: "sensor being replaced");
        var whileDisabled = feed.Feed((1, 35), (2, 20), (3, 36));
        var enabled = feed.Act(AlarmAction.Enable);

        Assert.Equal((AlarmState.Active, AlarmState.Disabled), (disabled.PreviousState, disabled.State));
        Assert.Empty(whileDisabled);
        Assert.Equal((AlarmState.Disabled, AlarmState.Normal), (enabled.PreviousState, enabled.State));
        Assert.True(feed.Book.IsEmpty);
        Assert.Equal(AlarmState.Active, Assert.Single(feed.Feed((4, 37))).State);
    }

    [Fact]
    public void Reset_returns_any_raised_alarm_to_normal_and_a_disabled_one_needs_enable()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions());
        feed.Feed((0, 31));

        var reset = feed.Act(AlarmAction.Reset, note: "false alarm");
        feed.Feed((1, 31));
        feed.Act(AlarmAction.Disable);

        Assert.Equal((AlarmState.Active, AlarmState.Normal), (reset.PreviousState, reset.State));
        Assert.Throws<AlarmActionRefusedException>(() => feed.Act(AlarmAction.Reset));
    }

    [Fact]
    public void The_history_keeps_who_when_and_why_of_the_latest_actions()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions());
        feed.Feed((0, 31));

        for (var i = 0; i < Alarm.MaxHistory + 2; i++)
        {
            feed.Act(AlarmAction.Snooze, feed.Now.AddHours(1), note: $"snooze {i}");
            feed.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        feed.Act(AlarmAction.Disable, note: "sensor swap");

        var history = feed.Alarm!.History!;
        Assert.Equal(Alarm.MaxHistory, history.Count);
        Assert.Equal("snooze 3", history[0].Note);
        Assert.Equal(new AlarmHistoryEntry { Action = AlarmAction.Disable, Actor = "ops-anna", At = feed.Now, Note = "sensor swap" }, history[^1]);
    }

    [Fact]
    public void A_rule_without_alarm_settings_raises_nothing()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions());
        feed.Options.Rules.Clear();

        Assert.Empty(feed.Feed((0, 31), (1, 40)));
        Assert.True(feed.Book.IsEmpty);
    }

    [Fact]
    public void The_same_readings_from_the_same_state_give_the_same_transition_ids()
    {
        var first = new AlarmFeed(new AlarmRuleOptions { Latch = true, ClearAfterReadings = 2 });
        var again = new AlarmFeed(new AlarmRuleOptions { Latch = true, ClearAfterReadings = 2 });
        again.Clock.Advance(TimeSpan.FromHours(5));
        (double, double)[] readings = [(0, 31), (1, 20), (2, 31), (3, 20), (4, 20), (5, 33)];

        var ids = first.Feed(readings).Select(t => t.TransitionId);
        var replayed = again.Feed(readings).Select(t => t.TransitionId);

        Assert.Equal(ids, replayed);
        Assert.Equal(3, ids.Distinct().Count());
    }
}
