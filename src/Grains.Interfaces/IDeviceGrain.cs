namespace Actors.Grains.Interfaces;

/// <summary>One grain per device: keeps the device's rolling state and judges every reading it makes.</summary>
[Alias("device")]
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Judges a batch of this device's readings in the order given. A reading at or before the latest event time the
    /// device has processed is a duplicate (or late) and is dropped. Anomalies found go to the notifier before this returns.
    /// </summary>
    [Alias("judge")]
    Task<JudgeResult> Judge(Reading[] readings);

    /// <summary>Closes and judges every open z-score window that ends at or before <paramref name="watermark"/> (UTC).</summary>
    [Alias("close-windows")]
    Task<JudgeResult> CloseWindows(DateTime watermark);

    [Alias("snapshot")]
    Task<DeviceSnapshot> GetSnapshot();
}
