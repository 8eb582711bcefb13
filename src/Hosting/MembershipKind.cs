namespace Actors.Hosting;

/// <summary>How silos and clients find each other.</summary>
public enum MembershipKind
{
    /// <summary>Single machine: the silo is its own primary; clients use the local gateway port.</summary>
    Localhost,

    /// <summary>Membership table in Redis (ElastiCache on AWS).</summary>
    Redis,
}
