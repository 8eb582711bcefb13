using Microsoft.Extensions.Options;

namespace Actors.Detection.Spc;

/// <summary>
/// Options of statistical process control, bound from the configuration section <see cref="SectionName"/>
/// (e.g. <c>Spc__TimeZone=Asia/Tokyo</c> in the environment).
/// </summary>
public sealed class SpcOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Spc";

    /// <summary>
    /// IANA id of the time zone whose local dates are the SPC days. Default <c>UTC</c>; the seed deployment used
    /// <c>Asia/Tokyo</c>.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Hours of readings before a day that its limits are computed from, <c>[D - WindowHours, D)</c>. Default 72.</summary>
    public int WindowHours { get; set; } = 72;

    /// <summary>Fewest readings of a metric in the window for limits to be computed. Default 30; at least 2.</summary>
    public int MinReadings { get; set; } = 30;

    /// <summary>Days of served limits kept for inspection. Default 14.</summary>
    public int HistoryDays { get; set; } = 14;

    /// <summary>
    /// How far ahead of a product's latest counted event time a reading may be without the next reading confirming the
    /// jump; an unconfirmed one is not counted (see <see cref="EventTime.EventTimeJump"/>). Default 7 days.
    /// </summary>
    public TimeSpan MaxEventTimeJump { get; set; } = EventTime.EventTimeJump.DefaultMaxJump;

    /// <summary>Chart rules of every product metric: run rules, I-MR, EWMA, CUSUM, specification limits (see docs/spc.md).</summary>
    public ChartOptions Charts { get; set; } = new();

    /// <summary>Chart rules of one product, one metric, or one metric of one product, over <see cref="Charts"/>.</summary>
    public List<ChartOptions> Overrides { get; set; } = [];

    /// <summary>Recent points kept per device and metric of a product, for control charts to look at. Default 120; 0 keeps none.</summary>
    public int ChartPoints { get; set; } = 120;

    /// <summary>Device and metric series of a product with chart points; the least recently updated is dropped. Default 16.</summary>
    public int ChartSeries { get; set; } = 16;

    /// <summary>
    /// How often, at most, a product grain writes its chart points (up to 30 KB with the defaults) with a checkpoint; they
    /// are also written at a source's last checkpoint (the end of a replay, a stopping ingest) and when the grain
    /// deactivates, unless its silo is shutting down. A crash loses the points since their last write (a gap in the
    /// charts, never a count or a limit). Default 5 minutes; zero writes them with every checkpoint.
    /// </summary>
    public TimeSpan ChartWriteInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The window as a time span.</summary>
    public TimeSpan Window => TimeSpan.FromHours(WindowHours);

    /// <summary>Throws when any option is out of range; the message names every bad property.</summary>
    /// <exception cref="OptionsValidationException">One or more options are invalid.</exception>
    public void Validate()
    {
        var failures = SpcOptionsValidator.Failures(this);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(SectionName, typeof(SpcOptions), failures);
        }
    }
}
