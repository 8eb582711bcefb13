using System.Text.Json;
using StackExchange.Redis;

namespace Actors.Cluster.Tests.Fixtures;

/// <summary>
/// Reads the membership table the Orleans Redis provider keeps: one hash <c>{ServiceId}/members/{ClusterId}</c> with a
/// JSON row per silo (its <c>SiloAddress</c> and integer <c>Status</c>).
/// </summary>
public static class RedisMembership
{
    /// <summary>The status of every silo of the cluster, keyed by its silo port.</summary>
    public static async Task<Dictionary<int, SiloStatus>> ReadAsync(string connectionString, string serviceId, string clusterId)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var rows = await redis.GetDatabase().HashGetAllAsync($"{serviceId}/members/{clusterId}");
        var statuses = new Dictionary<int, SiloStatus>();
        foreach (var row in rows.Where(r => r.Name != "Version"))
        {
            using var json = JsonDocument.Parse(row.Value.ToString());
            var address = json.RootElement.GetProperty("SiloAddress").GetProperty("SiloAddress").GetString()!;
            var port = int.Parse(address.Split('@')[0].Split(':')[^1]);
            statuses[port] = (SiloStatus)json.RootElement.GetProperty("Status").GetInt32();
        }
        return statuses;
    }
}
