namespace Actors.Detection.NoData;

/// <summary>
/// The no-data alarm (configuration section <see cref="SectionName"/>): a device silent for longer than its
/// <see cref="After"/> raises a NoData alarm, cleared when its readings resume. See docs/alarms.md.
/// </summary>
public sealed class NoDataOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "NoData";

    /// <summary>Silence after which any device raises a NoData alarm. Default none: only devices and products with an override are watched.</summary>
    public TimeSpan? After { get; set; }

    /// <summary>Per product and per device silences, over <see cref="After"/>; a device's entry wins over its product's. <c>After: 00:00:00</c> turns the alarm off.</summary>
    public List<NoDataOverride> Overrides { get; set; } = [];

    /// <summary>
    /// Watch shards: each keeps the latest reading time of the devices hashed to it, as one stored item. Default 128 (1,000,000
    /// devices with 16-character IDs make items of about 160 KB, under DynamoDB's 400 KB). Changing it moves devices
    /// between shards; a moved device is watched again from its next reading.
    /// </summary>
    public int Shards { get; set; } = 128;

    /// <summary>Granularity of the watch: silences end on whole steps of it since 2000-01-01. Default 1 minute.</summary>
    public TimeSpan Resolution { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often every silo asks every shard to raise the alarms that are due. Default 30 s.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Devices a shard checks per sweep at most (the rest wait for the next sweep). Default 2,000.</summary>
    public int MaxChecksPerSweep { get; set; } = 2000;

    /// <summary>Whether any device can raise a NoData alarm.</summary>
    public bool Enabled => After > TimeSpan.Zero || Overrides.Any(o => o.After > TimeSpan.Zero);
}
