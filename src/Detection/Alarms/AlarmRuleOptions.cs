namespace Actors.Detection.Alarms;

/// <summary>
/// How the anomalies of one rule drive alarms (configuration <c>Alarms:Rules:{Rule}</c>, e.g.
/// <c>Alarms__Rules__Threshold__Severity=3</c>): severity, latching, when the condition is over, reminders.
/// </summary>
public sealed class AlarmRuleOptions
{
    /// <summary>Severity of the rule's alarms; larger is more severe (as in AWS IoT Events). Default 1.</summary>
    public int Severity { get; set; } = 1;

    /// <summary>
    /// True: an alarm whose condition is over without having been acknowledged goes to LATCHED and waits for an
    /// acknowledgement or reset. False (default): it goes back to NORMAL by itself.
    /// </summary>
    public bool Latch { get; set; }

    /// <summary>
    /// Distance from the limit a value must keep to count as normal: below <c>Upper - Deadband</c> after a breach of an
    /// upper limit, above <c>Lower + Deadband</c> after a breach of a lower limit. Default 0.
    /// </summary>
    public double Deadband { get; set; }

    /// <summary>Consecutive normal readings of the metric after which the condition is over. Default 1; at least 1.</summary>
    public int ClearAfterReadings { get; set; } = 1;

    /// <summary>Event time since the latest anomaly after which the condition may be over. Default zero.</summary>
    public TimeSpan QuietPeriod { get; set; }

    /// <summary>While an alarm is ACTIVE, a reminder is sent every this long (wall clock). Default none.</summary>
    public TimeSpan? RenotifyInterval { get; set; }

    /// <summary>An ACTIVE alarm's notifications are marked escalated once it has been active this long (wall clock). Default none.</summary>
    public TimeSpan? EscalateAfter { get; set; }
}
