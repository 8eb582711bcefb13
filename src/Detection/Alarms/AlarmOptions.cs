namespace Actors.Detection.Alarms;

/// <summary>
/// Which rules raise alarms and how (configuration section <see cref="SectionName"/>). A rule without an entry raises
/// no alarm; its anomalies are recorded and notified as before. See docs/alarms.md.
/// </summary>
public sealed class AlarmOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Alarms";

    /// <summary>The alarm settings of each rule that raises alarms, by <see cref="Actors.Grains.Interfaces.AnomalyType"/> name.</summary>
    public Dictionary<string, AlarmRuleOptions> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Shards of the index of alarms that are not NORMAL (<c>alarms list</c>). Default 16. Each shard is one stored
    /// item; changing the number moves devices between shards (their entries come back at their next transition).
    /// </summary>
    public int IndexShards { get; set; } = 16;

    /// <summary>
    /// How often an index shard writes its alarms when they changed (also at deactivation). Default 30 s. After a crash
    /// of its silo, a shard's changes since its last write come back when the devices concerned re-send their alarms
    /// (at their next checkpoint or transition).
    /// </summary>
    public TimeSpan IndexWriteInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a device with alarms ends snoozes and sends reminders (wall clock). Default 30 s.</summary>
    public TimeSpan TimerInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The settings of <paramref name="rule"/>, or null when it raises no alarm.</summary>
    public AlarmRuleOptions? For(string rule) => Rules.GetValueOrDefault(rule);
}
