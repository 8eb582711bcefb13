namespace Actors.Benchmarks.Memory;

/// <summary>What a device of the memory measurement has been through before it is measured.</summary>
public enum FeedProfile
{
    /// <summary>
    /// No readings: every device grain is only activated (one <c>GetSnapshot</c> call). The per-activation floor: Orleans'
    /// activation and directory entry, the grain object and an empty state.
    /// </summary>
    Idle,

    /// <summary>One batch of normal values: a freshly activated device with few or no anomalies.</summary>
    Quiet,

    /// <summary>
    /// A batch whose every reading is anomalous, then a batch of normal values: a device that has been through an
    /// anomaly storm (about 110 anomalies, whose alert IDs its notifier shard remembers for Notifier:DedupRetention)
    /// while its last batch was ordinary.
    /// </summary>
    Steady,

    /// <summary>One batch whose every reading breaks a threshold and both control limits: the worst case.</summary>
    Anomalous,
}
