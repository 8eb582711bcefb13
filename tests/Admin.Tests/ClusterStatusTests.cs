using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Admin.Tests.Seed;

namespace Actors.Admin.Tests;

[Collection(AdminClusterCollection.Name)]
public sealed class ClusterStatusTests(AdminClusterFixture fixture)
{
    [Fact]
    public async Task Status_lists_both_active_silos_and_the_activations_by_grain_type()
    {
        var device = UniqueId("cs");
        await fixture.Client.GetGrain<IDeviceGrain>(device).Judge([At(device, 0, null, ("temperature", 20))]);
        var configuration = AdminRunner.Configuration(("Cluster:ClusterId", fixture.Cluster.Options.ClusterId));

        var run = await AdminRunner.RunAsync(new ExistingClientConnector(fixture.Client), configuration, "cluster", "status", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var json = run.Json();
        Assert.Equal(fixture.Cluster.Options.ClusterId, json.GetProperty("clusterId").GetString());
        Assert.Equal(2, json.GetProperty("activeSilos").GetInt32());
        var silos = json.GetProperty("silos").EnumerateArray().ToList();
        Assert.Equal(2, silos.Count);
        Assert.All(silos, s => Assert.Equal("Active", s.GetProperty("status").GetString()));
        var expected = fixture.Cluster.GetActiveSilos().Select(s => s.SiloAddress.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(expected, silos.Select(s => s.GetProperty("address").GetString()!).Order(StringComparer.Ordinal));
        var types = json.GetProperty("grainTypes").EnumerateArray().ToList();
        var devices = Assert.Single(types, t => t.GetProperty("grainType").GetString()!.Contains("DeviceGrain", StringComparison.Ordinal));
        Assert.True(devices.GetProperty("activations").GetInt64() >= 1);
        Assert.Equal(types.Sum(t => t.GetProperty("activations").GetInt64()), json.GetProperty("totalActivations").GetInt64());
        Assert.Equal(json.GetProperty("totalActivations").GetInt64(), silos.Sum(s => s.GetProperty("activations").GetInt64()));
    }

    [Fact]
    public async Task Status_renders_a_table_of_silos()
    {
        var run = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "cluster", "status");

        Assert.Contains("2 active silo(s)", run.Output);
        Assert.Contains("Active", run.Output);
    }
}
