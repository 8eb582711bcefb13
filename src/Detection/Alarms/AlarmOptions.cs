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

    /// <summary>The settings of <paramref name="rule"/>, or null when it raises no alarm.</summary>
    public AlarmRuleOptions? For(string rule) => Rules.GetValueOrDefault(rule);
}
