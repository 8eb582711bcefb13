using Actors.Detection.EventTime;
using Xunit;

namespace Actors.Detection.Tests.EventTime;

public sealed class EventTimeJumpTests
{
    private static readonly DateTime Watermark = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan MaxJump = TimeSpan.FromDays(7);

    [Fact]
    public void First_reading_has_nothing_to_jump_from()
    {
        DateTime? candidate = null;

        Assert.False(EventTimeJump.IsOutlier(null, ref candidate, DateTime.MaxValue, MaxJump));
        Assert.Null(candidate);
    }

    [Fact]
    public void Reading_up_to_the_maximum_jump_ahead_is_not_an_outlier()
    {
        DateTime? candidate = null;

        Assert.False(EventTimeJump.IsOutlier(Watermark, ref candidate, Watermark + MaxJump, MaxJump));
        Assert.True(EventTimeJump.IsOutlier(Watermark, ref candidate, Watermark + MaxJump + TimeSpan.FromTicks(1), MaxJump));
    }

    [Fact]
    public void Single_far_reading_is_an_outlier_and_the_next_normal_one_forgets_it()
    {
        DateTime? candidate = null;
        var far = new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

        Assert.True(EventTimeJump.IsOutlier(Watermark, ref candidate, far, MaxJump));
        Assert.Equal(far, candidate);
        Assert.False(EventTimeJump.IsOutlier(Watermark, ref candidate, Watermark.AddMinutes(1), MaxJump));
        Assert.Null(candidate);
        Assert.True(EventTimeJump.IsOutlier(Watermark, ref candidate, far.AddSeconds(1), MaxJump));
    }

    [Fact]
    public void Two_consecutive_readings_that_agree_on_the_new_time_confirm_the_jump()
    {
        DateTime? candidate = null;
        var later = Watermark.AddDays(30);

        Assert.True(EventTimeJump.IsOutlier(Watermark, ref candidate, later, MaxJump));
        Assert.False(EventTimeJump.IsOutlier(Watermark, ref candidate, later.AddMinutes(1), MaxJump));
        Assert.Null(candidate);
    }

    [Fact]
    public void Two_far_readings_that_disagree_with_each_other_are_both_outliers()
    {
        DateTime? candidate = null;

        Assert.True(EventTimeJump.IsOutlier(Watermark, ref candidate, Watermark.AddYears(10), MaxJump));
        Assert.True(EventTimeJump.IsOutlier(Watermark, ref candidate, Watermark.AddYears(100), MaxJump));
        Assert.Equal(Watermark.AddYears(100), candidate);
    }
}
