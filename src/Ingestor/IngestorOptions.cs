namespace Actors.Ingestor;

/// <summary>Ingestor settings (configuration section <c>Ingestor</c>).</summary>
public sealed class IngestorOptions
{
    public const string SectionName = "Ingestor";

    /// <summary>
    /// Start an in-process silo (localhost clustering, in-memory state unless <c>Cluster:Storage</c> says otherwise) instead
    /// of connecting to the cluster in the <c>Cluster</c> section. Default true; set false on ECS.
    /// </summary>
    public bool EmbeddedSilo { get; set; } = true;

    /// <summary>Readings sent to the grains per batch (one call per device and product per batch). Default 1000.</summary>
    public int BatchSize { get; set; } = 1000;
}
