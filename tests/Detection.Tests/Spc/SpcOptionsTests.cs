using Actors.Detection.Spc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Actors.Detection.Tests.Spc;

public sealed class SpcOptionsTests
{
    [Fact]
    public void Defaults_are_documented_values_and_valid()
    {
        var settings = new SpcOptions();

        Assert.Equal("UTC", settings.TimeZone);
        Assert.Equal(72, settings.WindowHours);
        Assert.Equal(30, settings.MinReadings);
        Assert.Equal(14, settings.HistoryDays);
        Assert.Equal(TimeSpan.FromHours(72), settings.Window);
        Assert.Empty(SpcOptionsValidator.Failures(settings));
        settings.Validate();
    }

    [Theory]
    [InlineData(nameof(SpcOptions.WindowHours))]
    [InlineData(nameof(SpcOptions.MinReadings))]
    [InlineData(nameof(SpcOptions.HistoryDays))]
    [InlineData(nameof(SpcOptions.TimeZone))]
    public void Validate_names_the_bad_property(string property)
    {
        var settings = property switch
        {
            nameof(SpcOptions.WindowHours) => new SpcOptions { WindowHours = 0 },
            nameof(SpcOptions.MinReadings) => new SpcOptions { MinReadings = 1 },
            nameof(SpcOptions.HistoryDays) => new SpcOptions { HistoryDays = -3 },
            _ => new SpcOptions { TimeZone = "Nowhere/Atlantis" },
        };

        var error = Assert.Throws<OptionsValidationException>(settings.Validate);

        var failure = Assert.Single(error.Failures);
        Assert.Contains("Spc:" + property, failure);
    }

    [Fact]
    public void Binds_from_the_Spc_section_and_validates_on_access()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Spc:TimeZone"] = "Asia/Tokyo",
            ["Spc:WindowHours"] = "48",
            ["Spc:MinReadings"] = "10",
        }).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IValidateOptions<SpcOptions>, SpcOptionsValidator>()
            .AddOptions<SpcOptions>().BindConfiguration(SpcOptions.SectionName).Services
            .BuildServiceProvider();

        var settings = services.GetRequiredService<IOptions<SpcOptions>>().Value;

        Assert.Equal("Asia/Tokyo", settings.TimeZone);
        Assert.Equal(48, settings.WindowHours);
        Assert.Equal(10, settings.MinReadings);
        Assert.Equal(14, settings.HistoryDays);
    }

    [Fact]
    public void Bad_configuration_fails_with_the_property_named()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Spc:WindowHours"] = "0",
        }).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IValidateOptions<SpcOptions>, SpcOptionsValidator>()
            .AddOptions<SpcOptions>().BindConfiguration(SpcOptions.SectionName).Services
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SpcOptions>>().Value);

        Assert.Contains("Spc:WindowHours", error.Message);
    }
}
