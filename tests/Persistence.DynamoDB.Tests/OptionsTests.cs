using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Orleans.Runtime;
using Xunit;

namespace Actors.Persistence.DynamoDB.Tests;

/// <summary>Option defaults and the validator, no service needed.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = new DynamoDBGrainStorageOptions();

        Assert.Equal("OrleansGrainState", options.TableName);
        Assert.Null(options.ServiceUrl);
        Assert.Null(options.Region);
        Assert.True(options.CreateIfNotExists);
        Assert.True(options.DeleteStateOnClear);
        Assert.Equal(ServiceLifecycleStage.ApplicationServices, options.InitStage);
        Assert.Null(options.GrainStorageSerializer);
        Assert.True(options.MaxErrorRetry > 0);
        new DynamoDBGrainStorageOptionsValidator(options, "default").ValidateConfiguration();
    }

    [Theory]
    [InlineData(nameof(DynamoDBGrainStorageOptions.TableName))]
    [InlineData(nameof(DynamoDBGrainStorageOptions.ServiceUrl))]
    [InlineData(nameof(DynamoDBGrainStorageOptions.Region))]
    [InlineData(nameof(DynamoDBGrainStorageOptions.MaxErrorRetry))]
    public void Validator_names_the_bad_property(string property)
    {
        var options = new DynamoDBGrainStorageOptions();
        switch (property)
        {
            case nameof(DynamoDBGrainStorageOptions.TableName):
                options.TableName = "no spaces allowed";
                break;
            case nameof(DynamoDBGrainStorageOptions.ServiceUrl):
                options.ServiceUrl = "localhost:4566";
                break;
            case nameof(DynamoDBGrainStorageOptions.Region):
                options.Region = " ";
                break;
            case nameof(DynamoDBGrainStorageOptions.MaxErrorRetry):
                options.MaxErrorRetry = -1;
                break;
        }

        var exception = Assert.Throws<OrleansConfigurationException>(() => new DynamoDBGrainStorageOptionsValidator(options, "dynamo").ValidateConfiguration());

        Assert.Contains($"{nameof(DynamoDBGrainStorageOptions)}.{property}", exception.Message);
        Assert.Contains("'dynamo'", exception.Message);
    }

    [Fact]
    public void Validator_accepts_a_local_endpoint()
    {
        var options = new DynamoDBGrainStorageOptions { ServiceUrl = "http://127.0.0.1:4566", TableName = "Grains.State-1" };

        new DynamoDBGrainStorageOptionsValidator(options, "dynamo").ValidateConfiguration();
    }

    [Fact]
    public void The_table_takes_region_and_endpoint_from_the_process_AWS_set_up_unless_it_sets_its_own()
    {
        var aws = new AWSOptions { Region = RegionEndpoint.EUWest1 };
        aws.DefaultClientConfig.ServiceURL = "http://127.0.0.1:4566";

        var shared = new DynamoDBGrainStorageOptions().CreateClientConfig(aws);
        var own = new DynamoDBGrainStorageOptions { ServiceUrl = "http://127.0.0.1:4567", Region = "ap-northeast-1" }.CreateClientConfig(aws);
        var regional = new DynamoDBGrainStorageOptions().CreateClientConfig(new AWSOptions { Region = RegionEndpoint.EUCentral1 });

        Assert.Equal("http://127.0.0.1:4566/", shared.ServiceURL);
        Assert.Equal("eu-west-1", shared.AuthenticationRegion);
        Assert.Equal("http://127.0.0.1:4567/", own.ServiceURL);
        Assert.Equal("ap-northeast-1", own.AuthenticationRegion);
        Assert.Equal(RegionEndpoint.EUCentral1, regional.RegionEndpoint);
    }
}
