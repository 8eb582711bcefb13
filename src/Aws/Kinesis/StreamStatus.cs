namespace Actors.Aws.Kinesis;

/// <summary>The life-cycle state of a Kinesis data stream.</summary>
public enum StreamStatus
{
    /// <summary>A state this client does not know.</summary>
    Unknown = 0,

    /// <summary>The stream is being created; it cannot be read or written yet.</summary>
    Creating,

    /// <summary>The stream is being deleted.</summary>
    Deleting,

    /// <summary>The stream can be read and written.</summary>
    Active,

    /// <summary>The stream is being resharded or reconfigured; it can still be read and written.</summary>
    Updating,
}
