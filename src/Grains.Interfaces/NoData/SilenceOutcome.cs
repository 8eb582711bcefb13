namespace Actors.Grains.Interfaces;

/// <summary>What a device answered to its watch shard.</summary>
public enum SilenceOutcome
{
    /// <summary>The device has a reading within its silence period: watch it until <see cref="SilenceCheck.Due"/>.</summary>
    NotDue = 0,

    /// <summary>The device's NoData alarm is raised (now or before) for the silence that ended at <see cref="SilenceCheck.Due"/>.</summary>
    Raised = 1,

    /// <summary>No silence applies to the device, or it has no reading: stop watching it.</summary>
    Unwatched = 2,
}
