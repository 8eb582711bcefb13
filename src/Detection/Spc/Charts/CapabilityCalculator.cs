using Actors.Detection.Statistics;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Spc.Charts;

/// <summary>
/// Process capability indices (NIST/SEMATECH e-Handbook 6.1.6; Montgomery, Introduction to Statistical Quality
/// Control, 8.2): <c>Cp = (USL − LSL) / 6σ</c>, <c>Cpk = min(USL − μ, μ − LSL) / 3σ</c> with the within sigma,
/// <c>Pp</c> and <c>Ppk</c> the same with the overall sigma, <c>Cpm = (USL − LSL) / 6√(s² + (μ − T)²)</c>.
/// </summary>
public static class CapabilityCalculator
{
    /// <summary>The capability of the readings summarized by <paramref name="overall"/>.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="date">The day whose limits window the readings come from.</param>
    /// <param name="spec">The specification limits.</param>
    /// <param name="overall">Count, mean and spread of the readings.</param>
    /// <param name="mrBar">Average moving range of consecutive readings, or null when there is none.</param>
    /// <param name="outOfSpecShare">Share of the readings outside the specification limits.</param>
    public static ProcessCapability Compute(
        string metric, DateOnly date, SpecLimits spec, in RunningStatistics overall, double? mrBar, double outOfSpecShare)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var mean = overall.Mean;
        var sigmaOverall = overall.Count < 2 ? 0 : overall.StdDev;
        double? sigmaWithin = mrBar is { } bar ? MovingRangeChart.Sigma(bar) : null;
        double? cpm = null;
        if (spec is { Lower: { } lsl, Upper: { } usl, Target: { } target } && overall.Count >= 2)
        {
            var tau = Math.Sqrt(sigmaOverall * sigmaOverall + (mean - target) * (mean - target));
            cpm = tau > 0 ? (usl - lsl) / (6 * tau) : null;
        }

        return new ProcessCapability
        {
            Metric = metric,
            Date = date,
            Lsl = spec.Lower,
            Usl = spec.Upper,
            Target = spec.Target,
            Count = overall.Count,
            Mean = mean,
            SigmaWithin = sigmaWithin,
            SigmaOverall = sigmaOverall,
            Cp = Potential(spec, sigmaWithin),
            Cpk = Performance(spec, mean, sigmaWithin),
            Pp = Potential(spec, sigmaOverall),
            Ppk = Performance(spec, mean, sigmaOverall),
            Cpm = cpm,
            OutOfSpecShare = outOfSpecShare,
        };
    }

    /// <summary><c>(USL − LSL) / 6σ</c>; null without both limits or a positive sigma.</summary>
    public static double? Potential(SpecLimits spec, double? sigma) =>
        spec is { Lower: { } lsl, Upper: { } usl } && sigma > 0 ? (usl - lsl) / (6 * sigma.Value) : null;

    /// <summary><c>min(USL − μ, μ − LSL) / 3σ</c> over the limits set; null without a limit or a positive sigma.</summary>
    public static double? Performance(SpecLimits spec, double mean, double? sigma)
    {
        if (!(sigma > 0) || (spec.Lower is null && spec.Upper is null))
        {
            return null;
        }

        var upper = spec.Upper is { } usl ? (usl - mean) / (3 * sigma.Value) : double.PositiveInfinity;
        var lower = spec.Lower is { } lsl ? (mean - lsl) / (3 * sigma.Value) : double.PositiveInfinity;
        return Math.Min(upper, lower);
    }
}
