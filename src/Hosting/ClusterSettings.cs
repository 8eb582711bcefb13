namespace Actors.Hosting;

/// <summary>How a silo or client finds the cluster and stores grain state (configuration section <c>Cluster</c>).</summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";

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

    /// <summary>Address other silos and clients reach this silo at; default: discovered (the ECS task IP on ECS, else loopback for Localhost).</summary>
    public string? AdvertisedAddress { get; set; }
}
