namespace Actors.Grains.Options;

/// <summary>Device grain settings (configuration section <c>Devices</c>).</summary>
public sealed class DeviceGrainOptions
{
    public const string SectionName = "Devices";

    /// <summary>How long a device grain uses its copy of the rules before asking the rules grain again. Default 5 s.</summary>
    public TimeSpan RulesRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a device grain uses its copy of a day's control limits before asking again (sees imports). Default 1 minute.</summary>
    public TimeSpan LimitsRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How far ahead of a device's latest judged event time a reading may be without the next reading confirming the
    /// jump; an unconfirmed one is set aside as an outlier (see <see cref="Detection.EventTime.EventTimeJump"/>). Default 7 days.
    /// </summary>
    public TimeSpan MaxEventTimeJump { get; set; } = Detection.EventTime.EventTimeJump.DefaultMaxJump;
}
