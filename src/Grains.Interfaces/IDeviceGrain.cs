namespace Actors.Grains.Interfaces;

/// <summary>
/// One grain per device: keeps the device's rolling state and judges every reading it makes. State changes stay in
/// memory until a checkpoint asks for them (<see cref="Persist"/>) or the grain deactivates.
/// </summary>
[Alias("device")]
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Judges a batch of this device's readings in the order given. A reading at or before the latest event time the
    /// device has processed is a duplicate (or late) and is dropped. Anomalies found are with the notifier before this
    /// returns. With <paramref name="expectedLastEventTime"/> (what the previous call since the last checkpoint
    /// returned), a device whose state is not at that point judges nothing and answers <see cref="JudgeResult.Behind"/>.
    /// </summary>
    [Alias("judge")]
    Task<JudgeResult> Judge(Reading[] readings, DateTime? expectedLastEventTime = null);

    /// <summary>Closes and judges every open z-score window that ends at or before <paramref name="watermark"/> (UTC).</summary>
    [Alias("close-windows")]
    Task<JudgeResult> CloseWindows(DateTime watermark);

    /// <summary>
    /// Writes the state if it changed since it was last written. With <paramref name="expectedLastEventTime"/> (what the
    /// latest call since the last checkpoint returned), a device whose state is not at that point writes nothing and
    /// answers <see cref="PersistResult.Behind"/>.
    /// </summary>
    [Alias("persist")]
    Task<PersistResult> Persist(DateTime? expectedLastEventTime = null);

    [Alias("snapshot")]
    Task<DeviceSnapshot> GetSnapshot();
}
