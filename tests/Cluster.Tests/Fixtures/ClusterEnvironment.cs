using Xunit;
using Actors.TestSupport;

namespace Actors.Cluster.Tests.Fixtures;

/// <summary>What a multi-silo cluster needs around it: Redis for membership and moto_server for DynamoDB grain state.</summary>
public sealed class ClusterEnvironment : IAsyncLifetime
{
    /// <summary>The DynamoDB table every test silo keeps grain state in (each test has its own service ID, so its own keys).</summary>
    public const string TableName = "ClusterTestsState";

    public RedisServer Redis { get; } = new();

    public MotoServer Moto { get; } = new();

    public Task InitializeAsync() => Task.WhenAll(Redis.InitializeAsync(), Moto.InitializeAsync());

    public async Task DisposeAsync()
    {
        await Redis.DisposeAsync();
        await Moto.DisposeAsync();
    }

    /// <summary>Settings of a silo of cluster <paramref name="clusterId"/> on Redis membership with DynamoDB state on moto.</summary>
    public Dictionary<string, string?> SiloSettings(string clusterId) => new()
    {
        ["Cluster:ClusterId"] = clusterId,
        ["Cluster:ServiceId"] = clusterId,
        ["Cluster:Membership"] = "Redis",
        ["Cluster:RedisConnectionString"] = Redis.ConnectionString,
        ["Cluster:Storage"] = "DynamoDB",
        ["Cluster:AdvertisedAddress"] = "127.0.0.1",
        ["DynamoDB:ServiceUrl"] = Moto.ServiceUrl.ToString(),
        ["DynamoDB:Region"] = MotoServer.Region,
        ["DynamoDB:TableName"] = TableName,
    };

    /// <summary>Settings of a client of cluster <paramref name="clusterId"/>.</summary>
    public Dictionary<string, string?> ClientSettings(string clusterId) => new()
    {
        ["Cluster:ClusterId"] = clusterId,
        ["Cluster:ServiceId"] = clusterId,
        ["Cluster:Membership"] = "Redis",
        ["Cluster:RedisConnectionString"] = Redis.ConnectionString,
    };
}
