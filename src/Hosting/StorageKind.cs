namespace Actors.Hosting;

/// <summary>Where grain state is kept.</summary>
public enum StorageKind
{
    /// <summary>In the silo's memory: for the embedded run and tests.</summary>
    Memory,

    /// <summary>In a DynamoDB table (see the <c>DynamoDB</c> section).</summary>
    DynamoDB,
}
