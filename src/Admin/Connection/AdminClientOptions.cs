namespace Actors.Admin.Connection;

/// <summary>The admin client's own settings (configuration section <c>Admin</c>, shared with the silos' <c>Admin:Secret</c>).</summary>
public sealed class AdminClientOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Admin";

    /// <summary>The silos' admin secret, presented on state changes (environment variable <c>Admin__Secret</c>). No default.</summary>
    public string? Secret { get; set; }

    /// <summary>How long connecting to the cluster may take before the cluster counts as unreachable. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
