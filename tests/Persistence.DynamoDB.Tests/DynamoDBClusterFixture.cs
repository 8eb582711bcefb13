using Actors.Grains;
using Actors.Persistence.DynamoDB.Hosting;
using Actors.TestSupport;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit;

namespace Actors.Persistence.DynamoDB.Tests;

/// <summary>
/// One moto_server and one two-silo in-process cluster whose silos use <see cref="DynamoDBGrainStorage"/> as the
/// provider named <see cref="StorageName"/>, and as the grains' <see cref="StorageNames.State"/> provider with the
/// binary serializer the detection silo configures, shared by the tests of <see cref="DynamoDBCollection"/>.
/// </summary>
public sealed class DynamoDBClusterFixture : IAsyncLifetime
{
    /// <summary>The provider's name in the cluster.</summary>
    public const string StorageName = "dynamo";

    /// <summary>The table the cluster's provider creates on start.</summary>
    public const string TableName = "ClusterGrainState";

    /// <summary>The local DynamoDB endpoint.</summary>
    public MotoServer Moto { get; } = new();

    /// <summary>The cluster, deployed by <see cref="InitializeAsync"/>.</summary>
    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The cluster's service ID, the first part of every item key.</summary>
    public string ServiceId => Cluster.Options.ServiceId;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Moto.InitializeAsync();
        var serviceUrl = Moto.ServiceUrl.ToString();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo
            .AddDynamoDBGrainStorage(StorageName, options =>
            {
                options.ServiceUrl = serviceUrl;
                options.Region = MotoServer.Region;
                options.TableName = TableName;
            })
            .AddDynamoDBGrainStorage(StorageNames.State, options => options.Configure<Serializer>((state, serializer) =>
            {
                state.ServiceUrl = serviceUrl;
                state.Region = MotoServer.Region;
                state.TableName = TableName;
                state.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            })));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        await Moto.DisposeAsync();
    }

    /// <summary>A raw SDK client on the moto endpoint, to look at the table behind the provider's back.</summary>
    public AmazonDynamoDBClient CreateClient() => new(new AmazonDynamoDBConfig
    {
        ServiceURL = Moto.ServiceUrl.ToString(),
        AuthenticationRegion = MotoServer.Region,
    });

    /// <summary>The provider instance that silo <paramref name="silo"/> resolved and started.</summary>
    public IGrainStorage StorageOfSilo(int silo) =>
        Cluster.Silos[silo].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageName);

    /// <summary>The item key the provider is documented to use.</summary>
    public string PartitionKey(string stateName, GrainId grainId) => $"{ServiceId}/{stateName}/{grainId}";

    /// <summary>
    /// A provider outside the cluster, with the silo's serializer, on the moto endpoint; not started.
    /// </summary>
    public DynamoDBGrainStorage CreateStorage(string tableName, Action<DynamoDBGrainStorageOptions>? configure = null, IAmazonDynamoDB? client = null, DynamoDBWriteMeter? writes = null)
    {
        var options = new DynamoDBGrainStorageOptions
        {
            ServiceUrl = Moto.ServiceUrl.ToString(),
            Region = MotoServer.Region,
            TableName = tableName,
        };
        configure?.Invoke(options);
        var services = Cluster.Silos[0].ServiceProvider;
        return new DynamoDBGrainStorage(
            "direct",
            options,
            services.GetRequiredService<IGrainStorageSerializer>(),
            Options.Create(new ClusterOptions { ServiceId = ServiceId, ClusterId = Cluster.Options.ClusterId }),
            services.GetRequiredService<IActivatorProvider>(),
            writes ?? services.GetRequiredService<DynamoDBWriteMeter>(),
            NullLogger<DynamoDBGrainStorage>.Instance,
            client);
    }

    /// <summary>The serializer of the cluster's silos.</summary>
    public Serializer SiloSerializer => Cluster.Silos[0].ServiceProvider.GetRequiredService<Serializer>();

    /// <summary>A provider on the cluster's table with the binary serializer the detection silo configures.</summary>
    public async Task<DynamoDBGrainStorage> SiloStorageAsync()
    {
        var storage = CreateStorage(TableName, options => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(SiloSerializer));
        await storage.InitializeAsync(CancellationToken.None);
        return storage;
    }

    /// <summary>The item the cluster's table holds for a state, read consistently; fails if there is none.</summary>
    public async Task<Dictionary<string, AttributeValue>> StoredItemAsync(string stateName, GrainId grainId)
    {
        using var client = CreateClient();
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = new() { [DynamoDBGrainStorage.PartitionKeyAttribute] = new AttributeValue { S = PartitionKey(stateName, grainId) } },
            ConsistentRead = true,
        });
        Assert.NotNull(response.Item);
        return response.Item;
    }
}
