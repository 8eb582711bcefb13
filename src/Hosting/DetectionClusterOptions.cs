namespace Actors.Hosting;

/// <summary>How a silo or client finds the cluster and stores grain state (configuration section <c>Cluster</c>).</summary>
public sealed class DetectionClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>
    /// Optional section bound to Orleans' <c>ClusterMembershipOptions</c> (failure detection: <c>ProbeTimeout</c>,
    /// <c>NumMissedProbesLimit</c>, <c>NumVotesForDeathDeclaration</c>, ...). Orleans' defaults apply to what it does not set.
    /// </summary>
    public const string MembershipOptionsSection = "ClusterMembership";

    /// <summary>Orleans cluster ID: silos and clients with the same ID form one cluster. Default <c>iot-detection</c>.</summary>
    public string ClusterId { get; set; } = "iot-detection";

    /// <summary>Orleans service ID: stays the same across deployments, part of every storage key. Default <c>iot-detection</c>.</summary>
    public string ServiceId { get; set; } = "iot-detection";

    /// <summary>
    /// Membership provider: <c>Localhost</c> (default; one machine, no dependencies) or <c>Redis</c> (several silos,
    /// e.g. on ECS with ElastiCache; needs <see cref="RedisConnectionString"/>).
    /// </summary>
    public MembershipKind Membership { get; set; } = MembershipKind.Localhost;

    /// <summary>StackExchange.Redis connection string for <see cref="MembershipKind.Redis"/>, e.g. <c>127.0.0.1:6379</c>.</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>Grain state store: <c>Memory</c> (default; lost when the silo stops) or <c>DynamoDB</c>.</summary>
    public StorageKind Storage { get; set; } = StorageKind.Memory;

    /// <summary>Silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Address other silos and clients reach this silo at (Redis membership). Default: discovered, the task's IP from the
    /// ECS task metadata endpoint on ECS, else the first non-loopback IPv4 address of the host.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// How long a stopping silo (SIGTERM, e.g. an ECS task stop) may take to leave the cluster and deactivate its grains
    /// before the host gives up waiting. Default 30 s; keep it below the ECS container <c>stopTimeout</c>.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
