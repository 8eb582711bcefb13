using Actors.Grains;
using Actors.Hosting;
using Actors.Persistence.DynamoDB.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Actors.Aws.Tests.Notifier;

/// <summary>Test silos as in production: DynamoDB grain state (on moto) and the detection services from configuration.</summary>
public sealed class DynamoSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        siloBuilder.AddDynamoDBGrainStorage(StorageNames.State, options =>
        {
            options.ServiceUrl = configuration["DynamoDB:ServiceUrl"];
            options.TableName = configuration["DynamoDB:TableName"]!;
        });
        siloBuilder.AddDetectionGrains(configuration);
    }
}
