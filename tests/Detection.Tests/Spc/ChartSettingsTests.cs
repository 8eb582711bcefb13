using Actors.Detection.Spc;
using Actors.Detection.Spc.Charts;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Actors.Detection.Tests.Spc;

public sealed class ChartSettingsTests
{
    private static SpcOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IValidateOptions<SpcOptions>, SpcOptionsValidator>()
            .AddOptions<SpcOptions>().BindConfiguration(SpcOptions.SectionName).Services
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<SpcOptions>>().Value;
    }

    [Fact]
    public void Nothing_configured_enables_no_chart()
    {
        var rules = SeriesRulesBook.Empty.For("B205", "thickness");

        Assert.False(rules.AnyChart);
        Assert.Null(rules.Spec);
        Assert.Equal(SigmaEstimate.SampleStdDev, rules.SigmaEstimate);
    }

    [Fact]
    public void The_most_specific_layer_wins_key_by_key()
    {
        var settings = Bind(new()
        {
            ["Spc:Charts:RunRules:0"] = "1",
            ["Spc:Charts:RunRules:1"] = "2",
            ["Spc:Charts:K2"] = "8",
            ["Spc:Charts:Ewma"] = "true",
            ["Spc:Overrides:0:Metric"] = "thickness",
            ["Spc:Overrides:0:Lsl"] = "48",
            ["Spc:Overrides:0:Usl"] = "52",
            ["Spc:Overrides:0:EwmaLambda"] = "0.1",
            ["Spc:Overrides:1:ProductId"] = "B205",
            ["Spc:Overrides:1:SigmaEstimate"] = "MovingRange",
            ["Spc:Overrides:1:Ewma"] = "false",
            ["Spc:Overrides:2:ProductId"] = "B205",
            ["Spc:Overrides:2:Metric"] = "thickness",
            ["Spc:Overrides:2:Usl"] = "51",
            ["Spc:Overrides:2:MinCpk"] = "1.33",
            ["Spc:Overrides:2:RunRules:0"] = "5",
        });
        var book = new SeriesRulesBook(settings);

        var b205Thickness = book.For("B205", "thickness");
        var c300Thickness = book.For("C300", "thickness");
        var b205Speed = book.For("B205", "line_speed");

        Assert.Equal([NelsonTest.BeyondTwoSigma], b205Thickness.RunRules.Tests);
        Assert.Equal(8, b205Thickness.RunRules.K2);
        Assert.Equal(new SpecLimits(48, 51), b205Thickness.Spec);
        Assert.Equal(1.33, b205Thickness.MinCpk);
        Assert.False(b205Thickness.EwmaOn);
        Assert.Equal(0.1, b205Thickness.Ewma.Lambda);
        Assert.Equal(SigmaEstimate.MovingRange, b205Thickness.SigmaEstimate);
        Assert.Equal([NelsonTest.BeyondLimit, NelsonTest.SameSide], c300Thickness.RunRules.Tests);
        Assert.True(c300Thickness.EwmaOn);
        Assert.Equal(new SpecLimits(48, 52), c300Thickness.Spec);
        Assert.Equal(SigmaEstimate.SampleStdDev, c300Thickness.SigmaEstimate);
        Assert.Null(b205Speed.Spec);
        Assert.Equal(SigmaEstimate.MovingRange, b205Speed.SigmaEstimate);
        Assert.Equal(0.2, b205Speed.Ewma.Lambda);
    }

    [Theory]
    [InlineData("Spc:Charts:RunRules:0", "9", "Spc:Charts:RunRules: 9 is not a Nelson test")]
    [InlineData("Spc:Charts:K5", "31", "Spc:Charts:K5 must be between 1 and 30")]
    [InlineData("Spc:Charts:K1", "0", "Spc:Charts:K1 must be a positive number")]
    [InlineData("Spc:Charts:EwmaLambda", "1.5", "Spc:Charts:EwmaLambda must be in (0, 1]")]
    [InlineData("Spc:Charts:CusumH", "0", "Spc:Charts:CusumH must be a positive number")]
    [InlineData("Spc:Charts:MinCpk", "1.33", "Spc:Charts:MinCpk needs specification limits")]
    [InlineData("Spc:Charts:ProductId", "B205", "Spc:Charts applies to every product and metric")]
    [InlineData("Spc:Overrides:0:Lsl", "1", "Spc:Overrides:0: an override names a ProductId, a Metric, or both")]
    [InlineData("Spc:ChartPoints", "-1", "Spc:ChartPoints must be between 0 and 1000")]
    public void Bad_chart_settings_fail_on_start_with_the_key_named(string key, string value, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));

        Assert.Contains(error.Failures, failure => failure.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_override_whose_limits_cross_the_global_ones_is_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Spc:Charts:Usl"] = "52",
            ["Spc:Overrides:0:ProductId"] = "B205",
            ["Spc:Overrides:0:Lsl"] = "53",
        }));

        Assert.Contains("Spc:Overrides:0:Lsl 53 must be below Usl 52.", error.Failures);
    }
}
