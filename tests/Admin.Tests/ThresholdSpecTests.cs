using Actors.Admin.Rules;
using Actors.Grains.Interfaces;
using Xunit;

namespace Actors.Admin.Tests;

public sealed class ThresholdSpecTests
{
    [Fact]
    public void Parses_every_form()
    {
        Assert.Equal(new ThresholdRule { Metric = "temperature", Upper = 30 }, ThresholdSpec.Parse("temperature:30"));
        Assert.Equal(new ThresholdRule { Metric = "humidity", Upper = 80, Lower = 20, DeviceId = "esp-1" }, ThresholdSpec.Parse("humidity:80:20@device=esp-1"));
        Assert.Equal(new ThresholdRule { Metric = "thickness", Lower = 48.5, ProductId = "B205" }, ThresholdSpec.Parse("thickness::48.5@product=B205"));
        Assert.Equal(new ThresholdRule { Metric = "t", Upper = -1.5e1, DeviceId = "d:1", ProductId = "p" }, ThresholdSpec.Parse("t:-1.5e1@device=d:1@product=p"));
    }

    [Theory]
    [InlineData("temperature")]
    [InlineData("temperature:")]
    [InlineData("temperature::")]
    [InlineData("temperature:1:2:3")]
    [InlineData("temperature:NaN")]
    [InlineData("temperature:30,5")]
    [InlineData("temperature:30@device=")]
    [InlineData("temperature:30@device=a@device=b")]
    [InlineData("temperature:30@site=x")]
    [InlineData("temperature:20:20")]
    public void Rejects_malformed_specs(string spec) => Assert.Throws<FormatException>(() => ThresholdSpec.Parse(spec));

    [Fact]
    public void Parses_keys_for_removal()
    {
        Assert.Equal(new ThresholdKey("humidity", "esp-1", null), ThresholdSpec.ParseKey("humidity@device=esp-1"));
        Assert.Throws<FormatException>(() => ThresholdSpec.ParseKey("humidity:80"));
    }
}
