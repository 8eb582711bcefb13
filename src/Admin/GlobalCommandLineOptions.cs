using System.CommandLine;

namespace Actors.Admin;

/// <summary>The command-line options every admin command accepts.</summary>
public sealed class GlobalCommandLineOptions
{
    /// <summary><c>--json</c>: machine-readable output.</summary>
    public Option<bool> Json { get; } = new("--json") { Description = "Write JSON (stable camelCase property names) instead of tables", Recursive = true };

    /// <summary><c>--gateway-port</c>: overrides <c>Cluster:GatewayPort</c>.</summary>
    public Option<int?> GatewayPort { get; } = new("--gateway-port") { Description = "Gateway port of a Localhost-membership cluster (overrides Cluster:GatewayPort)", Recursive = true };

    /// <summary><c>--redis</c>: overrides the membership with Redis at this connection string.</summary>
    public Option<string?> Redis { get; } = new("--redis") { Description = "Find the silos through Redis membership at this connection string (overrides Cluster:Membership and Cluster:RedisConnectionString)", Recursive = true };

    /// <summary><c>--cluster-id</c>: overrides <c>Cluster:ClusterId</c>.</summary>
    public Option<string?> ClusterId { get; } = new("--cluster-id") { Description = "Orleans cluster ID (overrides Cluster:ClusterId)", Recursive = true };

    /// <summary><c>--verbose</c>: logs of the Orleans client on standard error.</summary>
    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Log what the Orleans client does to standard error", Recursive = true };

    /// <summary>All of them, to add to the root command.</summary>
    public IEnumerable<Option> All => [Json, GatewayPort, Redis, ClusterId, Verbose];
}
