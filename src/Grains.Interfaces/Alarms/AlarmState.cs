namespace Actors.Grains.Interfaces;

/// <summary>Where an alarm is in its lifecycle (the states of the AWS IoT Events alarm model, see docs/alarms.md).</summary>
public enum AlarmState
{
    /// <summary>Not raised. A device keeps nothing for an alarm in this state.</summary>
    Normal = 0,

    /// <summary>Raised by an anomaly and not acknowledged.</summary>
    Active = 1,

    /// <summary>Raised and acknowledged by an operator; clears when its condition is over.</summary>
    Acknowledged = 2,

    /// <summary>Its condition is over but it was never acknowledged, and its rule latches: waits for an acknowledgement or a reset.</summary>
    Latched = 3,

    /// <summary>Muted by an operator until a time; then back to normal.</summary>
    Snoozed = 4,

    /// <summary>Turned off by an operator until enabled; anomalies do not raise it.</summary>
    Disabled = 5,
}
