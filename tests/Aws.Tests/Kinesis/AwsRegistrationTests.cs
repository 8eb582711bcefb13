using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Actors.Aws.Kinesis;
using Actors.Aws.Sns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Actors.Aws.Tests.Kinesis;

public sealed class AwsRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddAwsOptions(configuration).AddKinesisClient().AddSnsClient().BuildServiceProvider();
    }

    [Fact]
    public void Options_are_bound_from_the_Aws_section()
    {
        using var provider = Build(new()
        {
            ["Aws:ServiceUrl"] = "http://127.0.0.1:4566",
            ["Aws:Region"] = "eu-west-1",
            ["Aws:MaxRetries"] = "3",
            ["Aws:BaseDelay"] = "00:00:00.050",
        });

        var options = provider.GetRequiredService<IOptions<AwsOptions>>().Value;

        Assert.Equal("http://127.0.0.1:4566", options.ServiceUrl);
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.BaseDelay);
        Assert.IsType<KinesisClient>(provider.GetRequiredService<IKinesisClient>());
        Assert.IsType<SnsClient>(provider.GetRequiredService<ISnsClient>());
        Assert.NotNull(provider.GetRequiredService<KinesisPutter>());
    }

    [Fact]
    public void The_AWS_SDK_options_every_SDK_client_takes_are_the_Aws_section_s()
    {
        using var provider = Build(new()
        {
            ["Aws:ServiceUrl"] = "http://127.0.0.1:4566",
            ["Aws:Region"] = "eu-west-1",
        });

        var sdk = provider.GetRequiredService<AWSOptions>();

        Assert.Equal(RegionEndpoint.EUWest1, sdk.Region);
        Assert.Equal("http://127.0.0.1:4566", sdk.DefaultClientConfig.ServiceURL);
    }

    [Fact]
    public void Defaults_need_no_configuration()
    {
        var options = new AwsOptions();

        Assert.Null(options.ServiceUrl);
        Assert.False(string.IsNullOrWhiteSpace(options.Region));
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.BaseDelay);
        Assert.True(new AwsOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("Aws:MaxRetries", "-1", "MaxRetries")]
    [InlineData("Aws:MaxRetries", "21", "MaxRetries")]
    [InlineData("Aws:BaseDelay", "-00:00:01", "BaseDelay")]
    [InlineData("Aws:ServiceUrl", "127.0.0.1:4566", "ServiceUrl")]
    [InlineData("Aws:ServiceUrl", "ftp://127.0.0.1/", "ServiceUrl")]
    [InlineData("Aws:Region", "Mars", "Region")]
    public void A_bad_value_is_refused_naming_the_property(string key, string value, string property)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AwsOptions>>().Value);

        Assert.Contains($"Aws:{property}", error.Message);
    }

    [Fact]
    public void A_client_built_by_hand_validates_its_options_too()
    {
        using var http = new HttpClient();
        var options = Options.Create(new AwsOptions { MaxRetries = 99 });

        var error = Assert.Throws<OptionsValidationException>(() => new KinesisClient(http, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<KinesisClient>.Instance));

        Assert.Contains("Aws:MaxRetries", error.Message);
    }
}
