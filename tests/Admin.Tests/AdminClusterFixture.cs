using Xunit;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Actors.Admin.Tests;

/// <summary>
/// One two-silo cluster with <c>Admin:Secret</c> configured and the admin access filter installed, shared by the tests of
/// the collection; every test uses its own device and product IDs.
/// </summary>
public sealed class AdminClusterFixture : IAsyncLifetime
{
    /// <summary>The secret the silos are configured with.</summary>
    public const string Secret = "test-admin-secret-5f1c9a";

    /// <summary>A metric with the Western Electric run rules, the moving-range, EWMA and CUSUM charts on for every product.</summary>
    public const string ChartedMetric = "width";

    /// <summary>The one device watched for silence: it raises a NoData alarm after 10 minutes without a reading.</summary>
    public const string SilentDevice = "admin-silent-device";

    public TestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Admin:Secret"] = Secret,
            ["Devices:RulesRefreshInterval"] = "00:00:00",
            ["Devices:LimitsRefreshInterval"] = "00:00:00",
            ["Alarms:Rules:Threshold:Severity"] = "2",
            ["Spc:Overrides:0:Metric"] = ChartedMetric,
            ["Spc:Overrides:0:RunRules:0"] = "1",
            ["Spc:Overrides:0:RunRules:1"] = "2",
            ["Spc:Overrides:0:RunRules:2"] = "5",
            ["Spc:Overrides:0:RunRules:3"] = "6",
            ["Spc:Overrides:0:MovingRange"] = "true",
            ["Spc:Overrides:0:Ewma"] = "true",
            ["Spc:Overrides:0:Cusum"] = "true",
            ["NoData:Overrides:0:DeviceId"] = SilentDevice,
            ["NoData:Overrides:0:After"] = "00:10:00",
        }));
        builder.AddSiloBuilderConfigurator<AdminSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
