using Actors.Hosting.CommandLine;
using Xunit;

namespace Actors.Deployment.Tests.CommandLine;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("20s", 0, 0, 20, 0)]
    [InlineData("15m", 0, 15, 0, 0)]
    [InlineData("1h30m", 1, 30, 0, 0)]
    [InlineData("2d", 48, 0, 0, 0)]
    [InlineData("1d2h3m4s500ms", 26, 3, 4, 500)]
    [InlineData("1.5h", 1, 30, 0, 0)]
    [InlineData("250ms", 0, 0, 0, 250)]
    [InlineData(" 90s ", 0, 1, 30, 0)]
    [InlineData("00:20:00", 0, 20, 0, 0)]
    [InlineData("1.12:00:00", 36, 0, 0, 0)]
    [InlineData("00:00:00.100", 0, 0, 0, 100)]
    [InlineData("0", 0, 0, 0, 0)]
    [InlineData("0s", 0, 0, 0, 0)]
    public void Reads_units_and_time_spans(string text, int hours, int minutes, int seconds, int milliseconds)
    {
        Assert.Equal(new TimeSpan(0, hours, minutes, seconds, milliseconds), DurationParser.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("20")]
    [InlineData("s")]
    [InlineData("20x")]
    [InlineData("20 s")]
    [InlineData("30m1h")]
    [InlineData("1h1h")]
    [InlineData("-5s")]
    [InlineData("-00:00:05")]
    [InlineData("1,5h")]
    [InlineData("25:00:00")]
    [InlineData("99999999999999d")]
    [InlineData("soon")]
    public void Refuses_anything_else_with_examples_of_what_is_accepted(string text)
    {
        var error = Assert.Throws<FormatException>(() => DurationParser.Parse(text));

        Assert.Contains(DurationParser.Examples, error.Message, StringComparison.Ordinal);
    }
}
