using Actors.Aws.Tests.Notifier;
using Actors.Grains.Interfaces;
using Actors.TestSupport;
using Orleans.TestingHost;

namespace Actors.Aws.Tests.Alarms;

/// <summary>
/// The alarm tests' device: an upper temperature threshold of 30 makes its Threshold alarm (severity 3) ACTIVE and a
/// reading below it NORMAL, on a two-silo moto cluster with grain state in DynamoDB that a test kills and starts again.
/// </summary>
public static class TemperatureAlarm
{
    public static readonly DateTime Start = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>The cluster settings of the alarm tests: state in a table of its own, fast delivery and rule refresh.</summary>
    public static Dictionary<string, string?> Settings(MotoServer moto, string suffix) => new(DynamoTestCluster.MotoSettings(moto, $"state-{suffix}"))
    {
        ["Notifier:DeliveryInterval"] = "00:00:00.100",
        ["Devices:RulesRefreshInterval"] = "00:00:00",
        ["Alarms:Rules:Threshold:Severity"] = "3",
    };

    /// <summary>Starts a cluster and gives <paramref name="device"/> its threshold.</summary>
    public static async Task<TestCluster> StartAsync(Dictionary<string, string?> settings, string device)
    {
        var cluster = await DynamoTestCluster.StartAsync(settings);
        var rules = cluster.Client.GetGrain<IRulesGrain>(RulesGrainKey.Default);
        await rules.Set((await rules.Get()) with { Thresholds = [new ThresholdRule { Metric = "temperature", Upper = 30, DeviceId = device }] });
        return cluster;
    }

    public static Reading At(string device, int second, double temperature) =>
        new() { DeviceId = device, Timestamp = Start.AddSeconds(second), Metrics = [new Metric("temperature", temperature)] };

    /// <summary>SIGKILL-like: every silo dies without deactivating its grains, so what was not written is lost.</summary>
    public static async Task KillEverySiloAsync(TestCluster cluster)
    {
        foreach (var silo in cluster.Silos.ToList())
        {
            await cluster.KillSiloAsync(silo);
        }
        await cluster.DisposeAsync();
    }
}
