using System.Text.RegularExpressions;
using Actors.Hosting;

namespace Actors.Admin.Connection;

/// <summary>Names a cluster for messages: ID, membership, and the gateway port or Redis endpoint (never a Redis password).</summary>
public static partial class ClusterDescription
{
    /// <summary>E.g. <c>cluster 'iot-detection' (membership Localhost, gateway port 30000)</c>.</summary>
    public static string Describe(DetectionClusterOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var where = cluster.Membership == MembershipKind.Redis
            ? $"Redis {RedactPassword(cluster.RedisConnectionString ?? "")}"
            : $"gateway port {cluster.GatewayPort}";
        return $"cluster '{cluster.ClusterId}' (membership {cluster.Membership}, {where})";
    }

    private static string RedactPassword(string connectionString) => PasswordPattern().Replace(connectionString, "password=***");

    [GeneratedRegex("password=[^,]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordPattern();
}
