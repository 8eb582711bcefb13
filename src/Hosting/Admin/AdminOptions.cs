namespace Actors.Hosting.Admin;

/// <summary>Admin access settings of silos and of the clients that change state (configuration section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Admin";

    /// <summary>
    /// The shared secret an admin operation must present (environment variable <c>Admin__Secret</c>; on ECS from Secrets
    /// Manager). No default: a silo without it refuses every admin operation from a client.
    /// </summary>
    public string? Secret { get; set; }
}
