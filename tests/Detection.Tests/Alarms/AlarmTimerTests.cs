using Actors.Detection.Alarms;
using Actors.Grains.Interfaces;
using Xunit;

namespace Actors.Detection.Tests.Alarms;

public sealed class AlarmTimerTests
{
    [Fact]
    public void A_snoozed_alarm_sends_nothing_until_the_snooze_ends_then_returns_to_normal()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions());
        feed.Feed((0, 31));
        var until = feed.Now.AddHours(2);

        var snoozed = feed.Act(AlarmAction.Snooze, until, "known issue");
        var whileSnoozed = feed.Feed((1, 35), (2, 20), (3, 36));
        feed.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromTicks(1));
        var justBefore = feed.Tick();
        feed.Clock.Advance(TimeSpan.FromTicks(1));
        var ended = feed.Tick();

        Assert.Equal((AlarmState.Active, AlarmState.Snoozed, until), (snoozed.PreviousState, snoozed.State, snoozed.SnoozedUntil));
        Assert.Empty(whileSnoozed);
        Assert.Empty(justBefore);
        var normal = Assert.Single(ended);
        Assert.Equal((AlarmState.Snoozed, AlarmState.Normal, until), (normal.PreviousState, normal.State, normal.At));
        Assert.EndsWith($"/Normal/{until:yyyyMMddTHHmmss.fffffffZ}", normal.TransitionId, StringComparison.Ordinal);
        Assert.True(feed.Book.IsEmpty);
    }

    [Fact]
    public void A_snooze_needs_an_end_in_the_future()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions());
        feed.Feed((0, 31));

        Assert.Throws<AlarmActionRefusedException>(() => feed.Act(AlarmAction.Snooze, feed.Now));
        Assert.Throws<AlarmActionRefusedException>(() => feed.Act(AlarmAction.Snooze));
        Assert.Equal(AlarmState.Active, feed.Alarm!.State);
    }

    [Fact]
    public void An_active_alarm_is_renotified_every_interval_and_escalated_after_the_delay()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions { RenotifyInterval = TimeSpan.FromMinutes(10), EscalateAfter = TimeSpan.FromMinutes(20) });
        feed.Feed((0, 31));
        var reminders = new List<AlarmTransition>();

        foreach (var minutes in new[] { 5, 5, 1, 14, 20 })
        {
            feed.Clock.Advance(TimeSpan.FromMinutes(minutes));
            reminders.AddRange(feed.Tick());
        }

        Assert.Equal(3, reminders.Count);
        Assert.All(reminders, r => Assert.True(r.Renotify && r.State == AlarmState.Active && r.PreviousState == AlarmState.Active));
        Assert.Equal([false, true, true], reminders.Select(r => r.Escalated));
        Assert.Equal(
            ["Reminder1", "Reminder2", "Reminder4"],
            reminders.Select(r => r.TransitionId.Split('/')[4]));
    }

    [Fact]
    public void An_acknowledged_alarm_is_not_renotified()
    {
        var feed = new AlarmFeed(new AlarmRuleOptions { RenotifyInterval = TimeSpan.FromMinutes(10) });
        feed.Feed((0, 31));
        feed.Act(AlarmAction.Acknowledge);

        feed.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Empty(feed.Tick());
    }
}
