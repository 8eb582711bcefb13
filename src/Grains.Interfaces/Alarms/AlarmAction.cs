namespace Actors.Grains.Interfaces;

/// <summary>What an operator can do to an alarm.</summary>
public enum AlarmAction
{
    /// <summary>ACTIVE to ACKNOWLEDGED; LATCHED to NORMAL.</summary>
    Acknowledge = 0,

    /// <summary>To SNOOZED until <see cref="AlarmCommand.Until"/>; back to NORMAL then.</summary>
    Snooze = 1,

    /// <summary>To DISABLED, from any other state.</summary>
    Disable = 2,

    /// <summary>DISABLED to NORMAL.</summary>
    Enable = 3,

    /// <summary>To NORMAL from any state but DISABLED.</summary>
    Reset = 4,
}
