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

    /// <summary>
    /// Most readings sent to the grains per batch by <c>replay</c> and <c>simulate</c> (one call per device and product per
    /// batch; the judgement does not depend on it). Default 256,000: in a fleet, where a thousand readings hold one reading
    /// each of a thousand devices, a large batch gives each device one call with several readings instead of one call per
    /// reading. A paced simulation sends what it has before every wait, and a checkpoint ends a batch.
    /// </summary>
    public int BatchSize { get; set; } = 256_000;
}
