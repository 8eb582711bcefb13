using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using Xunit;

namespace Actors.Detection.Tests.Spc;

public sealed class SourceWatermarksTests
{
    [Theory]
    [InlineData("9", "10", -1)]
    [InlineData("10", "9", 1)]
    [InlineData("123", "123", 0)]
    [InlineData("49590338271490256608559692538361571095921575989136588898", "49590338271490256608559692538361571095921575989136588899", -1)]
    [InlineData(null, "1", -1)]
    [InlineData("1", null, 1)]
    public void Positions_compare_as_numbers_of_any_length(string? a, string? b, int expected) =>
        Assert.Equal(expected, Math.Sign(SourcePosition.Compare(a, b)));

    [Fact]
    public void A_position_at_or_before_the_sources_mark_is_not_new_and_sources_are_independent()
    {
        var marks = new SourceWatermarks();
        Assert.True(marks.IsNew("a", "1"));

        marks.Advance("a", "10");

        Assert.False(marks.IsNew("a", "9"));
        Assert.False(marks.IsNew("a", "10"));
        Assert.True(marks.IsNew("a", "11"));
        Assert.True(marks.IsNew("b", "1"));
        Assert.Null(marks.Of("b"));
    }

    [Fact]
    public void The_least_recently_advanced_source_is_forgotten_when_full()
    {
        var marks = new SourceWatermarks();
        for (var i = 0; i < SourceWatermarks.MaxSources; i++)
        {
            marks.Advance($"s{i}", "1");
        }
        marks.Advance("s0", "2");

        marks.Advance("new", "1");

        Assert.Equal(SourceWatermarks.MaxSources, marks.Count);
        Assert.Null(marks.Of("s1"));
        Assert.Equal("2", marks.Of("s0"));
        Assert.Equal("1", marks.Of("new"));
    }
}
