using Actors.Detection.NoData;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Actors.Detection.Tests.NoData;

/// <summary>The sweep of a watch shard on a fake wall clock and on a replay's event clock.</summary>
public sealed class SilenceWatchTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan After = TimeSpan.FromMinutes(30);

    private readonly FakeTimeProvider _clock = new(Start);

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    [Fact]
    public void A_device_is_due_only_once_its_silence_ended_and_once_raised_it_is_not_taken_again()
    {
        var watch = new SilenceWatch(TimeSpan.FromMinutes(1), _clock);
        watch.Seen([("dev-1", Now + After), ("dev-2", Now.AddMinutes(10) + After)], eventClock: null);

        _clock.Advance(After - TimeSpan.FromMinutes(1));
        var early = watch.TakeDue(100);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var due = watch.TakeDue(100);
        watch.Raised("dev-1", Start.UtcDateTime + After);
        _clock.Advance(TimeSpan.FromHours(1));
        var later = watch.TakeDue(100);

        Assert.Empty(early);
        Assert.Equal(["dev-1"], due);
        Assert.Equal(["dev-2"], later);
        Assert.Equal((2, 1), (watch.Wheel.Count, watch.Wheel.Raised));
    }

    [Fact]
    public void Readings_fed_before_the_sweep_move_the_silence_and_a_device_fed_often_moves_bucket_once_per_sweep()
    {
        var watch = new SilenceWatch(TimeSpan.FromMinutes(1), _clock);
        for (var minute = 0; minute < 60; minute++)
        {
            watch.Seen([("dev-1", Now + After)], eventClock: null);
            _clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Empty(watch.TakeDue(100));
        }

        Assert.Equal(1, watch.Wheel.Buckets);
        _clock.Advance(After);
        Assert.Equal(["dev-1"], watch.TakeDue(100));
    }

    [Fact]
    public void A_raised_device_whose_readings_resume_is_watched_again_and_readings_fed_again_change_nothing()
    {
        var watch = new SilenceWatch(TimeSpan.FromMinutes(1), _clock);
        var lastSeen = Now;
        watch.Seen([("dev-1", lastSeen + After)], eventClock: null);
        _clock.Advance(After);
        Assert.Equal(["dev-1"], watch.TakeDue(100));
        watch.Raised("dev-1", lastSeen + After);

        var replayedOld = watch.Seen([("dev-1", lastSeen + After)], eventClock: null);
        var resumed = watch.Seen([("dev-1", Now + After)], eventClock: null);
        _clock.Advance(After);

        Assert.False(replayedOld);
        Assert.True(resumed);
        Assert.Equal(0, watch.Wheel.Raised);
        Assert.Equal(["dev-1"], watch.TakeDue(100));
    }

    [Fact]
    public void A_device_that_says_it_is_not_due_is_taken_at_its_own_due_and_a_failed_check_is_retried_at_the_next_sweep()
    {
        var watch = new SilenceWatch(TimeSpan.FromMinutes(1), _clock);
        watch.Seen([("dev-1", Now + After), ("dev-2", Now + After)], eventClock: null);
        _clock.Advance(After);
        Assert.Equal(2, watch.TakeDue(100).Count);

        watch.NotDue("dev-1", Now.AddMinutes(5));
        watch.Retry("dev-2");

        Assert.Equal(["dev-2"], watch.TakeDue(100));
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(["dev-1"], watch.TakeDue(100));
    }

    [Fact]
    public void A_sweep_takes_at_most_its_maximum_and_leaves_the_rest_for_the_next()
    {
        var watch = new SilenceWatch(TimeSpan.FromMinutes(1), _clock);
        watch.Seen(Enumerable.Range(0, 250).Select(i => ($"dev-{i}", Now + After)), eventClock: null);
        _clock.Advance(After);

        var first = watch.TakeDue(100);
        var second = watch.TakeDue(100);
        var third = watch.TakeDue(100);

        Assert.Equal((100, 100, 50), (first.Count, second.Count, third.Count));
        Assert.Equal(250, first.Concat(second).Concat(third).Distinct().Count());
    }

    [Fact]
    public void A_replay_runs_the_watch_on_its_event_clock_until_live_ingest_feeds_it_again()
    {
        var watch = new SilenceWatch(TimeSpan.FromMinutes(1), _clock);
        var old = new DateTime(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);
        watch.Seen([("dev-1", old + After), ("dev-2", old.AddHours(1) + After)], eventClock: old);

        var atStart = watch.TakeDue(100);
        watch.Seen([], eventClock: old + After);
        var dueByEventTime = watch.TakeDue(100);
        watch.Seen([("dev-3", old.AddDays(-1) + After)], eventClock: old.AddDays(-1));
        var anotherReplayOfOlderData = watch.TakeDue(100);
        watch.Seen([], eventClock: null);
        var onWallClock = watch.TakeDue(100);

        Assert.Empty(atStart);
        Assert.Equal(["dev-1"], dueByEventTime);
        Assert.Empty(anotherReplayOfOlderData);
        Assert.Equal(["dev-3", "dev-2"], onWallClock);
        Assert.Null(watch.EventClock);
    }

    [Fact]
    public void The_stored_state_brings_back_watched_and_raised_devices_and_is_converted_to_another_resolution()
    {
        var watch = new SilenceWatch(TimeSpan.FromMinutes(1), _clock);
        watch.Seen([("dev-1", Now + After), ("dev-2", Now + After), ("dev-3", Now.AddHours(2))], eventClock: null);
        _clock.Advance(After);
        foreach (var device in watch.TakeDue(100))
        {
            if (device == "dev-1")
            {
                watch.Raised(device, Start.UtcDateTime + After);
            }
            else
            {
                watch.Retry(device);
            }
        }

        var reloaded = new SilenceWatch(TimeSpan.FromSeconds(10), _clock);
        reloaded.Load(watch.ToState());

        Assert.Equal((3, 1), (reloaded.Wheel.Count, reloaded.Wheel.Raised));
        Assert.Equal(["dev-2"], reloaded.TakeDue(100));
        _clock.Advance(TimeSpan.FromHours(2) - After);
        Assert.Equal(["dev-3"], reloaded.TakeDue(100));
    }
}
