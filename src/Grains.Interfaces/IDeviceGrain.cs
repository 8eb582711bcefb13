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
    /// returns: queued, and committed (then delivered) within <c>Notifier:CommitInterval</c> and always before the
    /// device writes a state that reflects them (with an interval of zero, committed before this returns). With <paramref name="source"/>, the batch is counted for that source; with <paramref name="expectedMark"/>
    /// (the <see cref="JudgeResult.Mark"/> of the source's previous call since its last checkpoint), a device whose state
    /// does not hold that call judges nothing and answers <see cref="JudgeResult.Behind"/>.
    /// </summary>
    [Alias("judge")]
    [DataPlaneOperation]
    Task<JudgeResult> Judge(Reading[] readings, string? source = null, long? expectedMark = null);

    /// <summary>Closes and judges every open z-score window that ends at or before <paramref name="watermark"/> (UTC).</summary>
    [Alias("close-windows")]
    [DataPlaneOperation]
    Task<JudgeResult> CloseWindows(DateTime watermark);

    /// <summary>
    /// Writes the state if it changed since it was last written, once the anomalies it handed to the notifier since are
    /// committed; when the notifier lost them, it writes nothing, goes back to its last written state and answers
    /// <see cref="PersistResult.Behind"/>. With <paramref name="source"/> and
    /// <paramref name="expectedMark"/> (what the source's latest call since its last checkpoint returned), a device whose
    /// state does not hold that call writes nothing and answers <see cref="PersistResult.Behind"/>.
    /// </summary>
    [Alias("persist")]
    [DataPlaneOperation]
    Task<PersistResult> Persist(string? source = null, long? expectedMark = null);

    /// <summary>
    /// Asked by the device's no-data watch shard when the device's silence should have ended by <paramref name="now"/>
    /// (wall clock, or a replay's event time): raises the NoData alarm if the device's latest reading is older than its
    /// <c>NoData:After</c> (the transition is with the notifier and the state written before this returns), and says when
    /// its silence ends otherwise.
    /// </summary>
    [Alias("check-silence")]
    [DataPlaneOperation]
    Task<SilenceCheck> CheckSilence(DateTime now);

    /// <summary>
    /// Goes back to the state last written, dropping what was judged since: the caller reads its source again from its
    /// last checkpoint and sends those readings again, so the device judges them again from its written state and answers
    /// the same moving ranges for its products (which may have gone back to their checkpoint too).
    /// </summary>
    [Alias("revert")]
    [DataPlaneOperation]
    Task Revert();

    [Alias("snapshot")]
    Task<DeviceSnapshot> GetSnapshot();

    /// <summary>The device's alarms that are not NORMAL, with their history.</summary>
    [Alias("alarms")]
    Task<AlarmView[]> GetAlarms();

    /// <summary>
    /// An operator's action on one of the device's alarms; the transition is with the notifier and the state written
    /// before this returns.
    /// </summary>
    /// <exception cref="AlarmActionRefusedException">No such alarm is raised, or its state does not allow the action.</exception>
    [Alias("alarm-act")]
    [AdminOperation]
    Task<AlarmView> ActOnAlarm(AlarmCommand command);
}
