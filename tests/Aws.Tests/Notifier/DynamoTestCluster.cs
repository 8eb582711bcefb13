using Actors.TestSupport;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Actors.Aws.Tests.Notifier;

/// <summary>Starts two-silo clusters whose state is in DynamoDB; two clusters started with the same settings share their state, as a restarted cluster would.</summary>
public static class DynamoTestCluster
{
    /// <summary>Every AWS client (grain state included) on <paramref name="moto"/>, state in <paramref name="table"/>.</summary>
    public static Dictionary<string, string?> MotoSettings(MotoServer moto, string table) => new()
    {
        ["Aws:ServiceUrl"] = moto.ServiceUrl.ToString(),
        ["Aws:Region"] = MotoServer.Region,
        ["DynamoDB:TableName"] = table,
    };

    public static async Task<TestCluster> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = new TestClusterBuilder(2);
        builder.Options.ServiceId = settings["DynamoDB:TableName"]!;
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        builder.AddSiloBuilderConfigurator<DynamoSiloConfigurator>();
        builder.AddClientBuilderConfigurator<DetectionClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
