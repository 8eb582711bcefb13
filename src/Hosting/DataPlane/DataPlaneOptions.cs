namespace Actors.Hosting.DataPlane;

/// <summary>The data-plane credential of silos and ingestors (configuration section <c>DataPlane</c>); never given to the admin client.</summary>
public sealed class DataPlaneOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "DataPlane";

    /// <summary>
    /// The shared credential every data-plane call must present (environment variable <c>DataPlane__Credential</c>; on
    /// ECS from Secrets Manager, given to the silo and ingestor tasks only). No default: a silo without it leaves the data
    /// plane open to every client that reaches its gateway, which <c>Tls:Enabled</c> does not allow.
    /// </summary>
    public string? Credential { get; set; }
}
