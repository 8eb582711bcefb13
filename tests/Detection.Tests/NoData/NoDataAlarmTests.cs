using Actors.Detection.Alarms;
using Actors.Grains.Interfaces;
using Xunit;

namespace Actors.Detection.Tests.NoData;

/// <summary>The NoData alarm through a device's alarm book: raised by a silence, cleared by the next reading.</summary>
public sealed class NoDataAlarmTests
{
    private const string DeviceId = "sensor-7";
    private static readonly DateTime LastSeen = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan After = TimeSpan.FromMinutes(30);
    private static readonly DateTime Now = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_silence_raises_one_alarm_dated_at_its_end_and_the_next_reading_clears_it()
    {
        var book = new AlarmBook();
        var options = new AlarmOptions();

        var raised = Silent(book, options);
        var again = Silent(book, options);
        var cleared = Read(book, options, LastSeen.AddHours(2));

        var active = Assert.Single(raised);
        Assert.Equal((AlarmState.Normal, AlarmState.Active, LastSeen + After), (active.PreviousState, active.State, active.At));
        Assert.Equal(("readings", "NoData", AnomalyType.NoData), (active.Metric, active.Rule, active.Cause.AnomalyType));
        Assert.Equal($"alarm/{DeviceId}/readings/NoData/Active/20260217T123000.0000000Z", active.TransitionId);
        Assert.Empty(again);
        var normal = Assert.Single(cleared);
        Assert.Equal((AlarmState.Active, AlarmState.Normal), (normal.PreviousState, normal.State));
        Assert.True(book.IsEmpty);
    }

    [Fact]
    public void A_latching_no_data_alarm_latches_when_readings_resume_and_a_new_silence_makes_it_active_again()
    {
        var book = new AlarmBook();
        var options = new AlarmOptions { Rules = { ["NoData"] = new AlarmRuleOptions { Severity = 2, Latch = true } } };

        var raised = Assert.Single(Silent(book, options));
        var latched = Assert.Single(Read(book, options, LastSeen.AddHours(1)));
        var active = Assert.Single(Silent(book, options, LastSeen.AddHours(1)));

        Assert.Equal(2, raised.Severity);
        Assert.Equal(AlarmState.Latched, latched.State);
        Assert.Equal((AlarmState.Latched, AlarmState.Active, 2), (active.PreviousState, active.State, active.Count));
    }

    [Fact]
    public void A_metric_named_like_the_alarm_does_not_count_as_a_second_normal_reading()
    {
        var book = new AlarmBook();
        var options = new AlarmOptions { Rules = { ["NoData"] = new AlarmRuleOptions { ClearAfterReadings = 2 } } };
        Silent(book, options);

        var first = Read(book, options, LastSeen.AddHours(1), "readings");
        var second = Read(book, options, LastSeen.AddHours(1).AddSeconds(1), "readings");

        Assert.Empty(first);
        Assert.Equal(AlarmState.Normal, Assert.Single(second).State);
    }

    private static List<AlarmTransition> Silent(AlarmBook book, AlarmOptions options, DateTime? lastSeen = null)
    {
        var transitions = new List<AlarmTransition>();
        book.Silent(DeviceId, NoDataAlarm.Cause(DeviceId, "B205", lastSeen ?? LastSeen, After), options, Now, transitions);
        return transitions;
    }

    private static List<AlarmTransition> Read(AlarmBook book, AlarmOptions options, DateTime time, string metric = "temperature")
    {
        var transitions = new List<AlarmTransition>();
        book.Observe(DeviceId, [new Reading { DeviceId = DeviceId, Timestamp = time, Metrics = [new Metric(metric, 21.5)] }], [], options, Now, transitions);
        return transitions;
    }
}
