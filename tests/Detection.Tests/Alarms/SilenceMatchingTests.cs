using Actors.Grains.Interfaces;
using Xunit;

namespace Actors.Detection.Tests.Alarms;

public sealed class SilenceMatchingTests
{
    private static readonly DateTime T0 = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    private static Silence Window(string? device = null, string? product = null, string? metric = null, string? rule = null) => new()
    {
        Device = device,
        Product = product,
        Metric = metric,
        Rule = rule,
        StartsAt = T0,
        EndsAt = T0.AddHours(2),
        CreatedBy = "ops",
    };

    [Theory]
    [InlineData("press-*", "press-7", true)]
    [InlineData("press-*", "press-", true)]
    [InlineData("press-*", "Press-7", false)]
    [InlineData("press-*", "mill-press-7", false)]
    [InlineData("press-?", "press-7", true)]
    [InlineData("press-?", "press-17", false)]
    [InlineData("*-7", "press-7", true)]
    [InlineData("press-7", "press-7", true)]
    [InlineData("press-7", "press-70", false)]
    public void A_device_pattern_is_a_case_sensitive_glob(string pattern, string device, bool matches)
    {
        Assert.Equal(matches, Window(device: pattern).Matches(device, "B205", "temperature", "Threshold", T0.AddMinutes(1)));
    }

    [Fact]
    public void Every_pattern_given_must_match_and_a_missing_one_matches_anything()
    {
        var silence = Window(device: "press-*", metric: "temperature");
        var now = T0.AddMinutes(1);

        Assert.True(silence.Matches("press-1", null, "temperature", "ZScore", now));
        Assert.False(silence.Matches("press-1", null, "humidity", "ZScore", now));
        Assert.False(silence.Matches("mill-1", null, "temperature", "ZScore", now));
    }

    [Fact]
    public void A_product_pattern_does_not_match_a_reading_without_product()
    {
        var silence = Window(product: "B*");

        Assert.True(silence.Matches("M-001", "B205", "thickness", "Confirmed", T0));
        Assert.False(silence.Matches("M-001", null, "thickness", "Confirmed", T0));
    }

    [Fact]
    public void A_rule_pattern_ignores_case_like_rule_names_elsewhere()
    {
        Assert.True(Window(rule: "threshold").Matches("M-001", null, "temperature", "Threshold", T0));
        Assert.False(Window(rule: "threshold").Matches("M-001", null, "temperature", "ZScore", T0));
    }

    [Fact]
    public void A_silence_matches_from_its_start_until_just_before_its_end()
    {
        var silence = Window(device: "*");

        Assert.False(silence.Matches("M-001", null, "temperature", "Threshold", T0.AddTicks(-1)));
        Assert.True(silence.Matches("M-001", null, "temperature", "Threshold", T0));
        Assert.True(silence.Matches("M-001", null, "temperature", "Threshold", T0.AddHours(2).AddTicks(-1)));
        Assert.False(silence.Matches("M-001", null, "temperature", "Threshold", T0.AddHours(2)));
    }

    [Fact]
    public void A_silence_without_any_pattern_has_none()
    {
        Assert.False(Window().HasPattern);
        Assert.True(Window(rule: "Threshold").HasPattern);
    }
}
