using System.Diagnostics;
using Actors.Admin.Connection;
using Actors.TestSupport;
using Xunit;

namespace Actors.Admin.Tests;

/// <summary>The real connector against a cluster nobody runs: exit 3, a message naming what was tried, and no long wait.</summary>
public sealed class UnreachableClusterTests
{
    [Fact]
    public async Task A_gateway_port_nobody_listens_on_exits_3_naming_the_cluster_and_port()
    {
        var port = MotoServer.FreePort();
        var configuration = AdminRunner.Configuration(("Cluster:ClusterId", "nobody-home"), ("Cluster:GatewayPort", "1"), ("Admin:ConnectTimeout", "00:00:05"));
        var clock = Stopwatch.StartNew();

        var run = await AdminRunner.RunAsync(new OrleansClusterConnector(), configuration, "rules", "show", "--gateway-port", port.ToString(), "--json");

        Assert.True(run.ExitCode == ExitCodes.ClusterUnreachable, run.ToString());
        Assert.Contains("Cannot reach cluster 'nobody-home' (membership Localhost, gateway port " + port + ")", run.Error);
        Assert.Equal("", run.Output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_redis_nobody_listens_on_exits_3_naming_redis_without_its_password()
    {
        var port = MotoServer.FreePort();
        var configuration = AdminRunner.Configuration(("Admin:ConnectTimeout", "00:00:03"));
        var clock = Stopwatch.StartNew();

        var run = await AdminRunner.RunAsync(new OrleansClusterConnector(), configuration,
            "cluster", "status", "--redis", $"127.0.0.1:{port},password=hunter2,connectTimeout=1000", "--cluster-id", "redis-nobody");

        Assert.True(run.ExitCode == ExitCodes.ClusterUnreachable, run.ToString());
        Assert.Contains($"Cannot reach cluster 'redis-nobody' (membership Redis, Redis 127.0.0.1:{port},password=***", run.Error);
        Assert.DoesNotContain("hunter2", run.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }
}
