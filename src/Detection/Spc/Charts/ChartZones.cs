using Actors.Grains.Interfaces;

namespace Actors.Detection.Spc.Charts;

/// <summary>
/// The center line and the sigma of a Shewhart chart on each side of it, so that a point can be placed in the zones
/// the run rules count (1, 2 and 3 sigma). Sigmas are taken from the limits, which lie 3 sigma from the center: limits
/// that are not symmetric (imported ones may not be) get their own sigma above and below.
/// </summary>
/// <param name="Center">The center line.</param>
/// <param name="SigmaAbove">One sigma above the center line, not negative.</param>
/// <param name="SigmaBelow">One sigma below the center line, not negative.</param>
public readonly record struct ChartZones(double Center, double SigmaAbove, double SigmaBelow)
{
    /// <summary>The zones of the individuals chart of <paramref name="limits"/>.</summary>
    public static ChartZones Individuals(ControlLimits limits) => FromLimits(limits.Mean, limits.UclI, limits.LclI);

    /// <summary>The zones of the X-bar chart of <paramref name="limits"/>.</summary>
    public static ChartZones XBar(ControlLimits limits) => FromLimits(limits.Mean, limits.UclX, limits.LclX);

    /// <summary>The zones of a chart with center <paramref name="center"/> and 3-sigma limits <paramref name="upper"/> and <paramref name="lower"/>.</summary>
    public static ChartZones FromLimits(double center, double upper, double lower) =>
        new(center, Math.Max(0, (upper - center) / ControlLimitCalculator.Sigmas), Math.Max(0, (center - lower) / ControlLimitCalculator.Sigmas));

    /// <summary>
    /// How many sigmas <paramref name="x"/> lies from the center line, signed (positive above). With a zero sigma, a
    /// point off the center line is infinitely far.
    /// </summary>
    public double SigmasFromCenter(double x)
    {
        var deviation = x - Center;
        if (deviation == 0)
        {
            return 0;
        }

        var sigma = deviation > 0 ? SigmaAbove : SigmaBelow;
        return sigma > 0 ? deviation / sigma : (deviation > 0 ? double.PositiveInfinity : double.NegativeInfinity);
    }

    /// <summary>The line <paramref name="sigmas"/> sigma from the center (negative: below).</summary>
    public double Line(double sigmas) => Center + sigmas * (sigmas >= 0 ? SigmaAbove : SigmaBelow);
}
