namespace Actors.Detection.Spc.Charts;

/// <summary>
/// The moving-range chart of an individuals series (I-MR): <c>MR_t = |x_t − x_(t−1)|</c>, center line MR-bar,
/// <c>UCL = D4 · MR-bar</c>, LCL 0; and the within-process sigma <c>MR-bar / d2</c> (Montgomery, Introduction to
/// Statistical Quality Control, 6.4).
/// </summary>
[GenerateSerializer, Alias("spc-moving-range-chart")]
public sealed class MovingRangeChart
{
    /// <summary>D4 for moving ranges of two points: the UCL is D4 · MR-bar.</summary>
    public const double D4 = 3.267;

    /// <summary>d2 for moving ranges of two points: sigma is estimated as MR-bar / d2.</summary>
    public const double D2 = 1.128;

    [Id(0)] private double _last;
    [Id(1)] private bool _hasLast;

    /// <summary>The previous value, from which the next moving range is taken; null before the first.</summary>
    public double? Last => _hasLast ? _last : null;

    /// <summary>Adds a value; returns its moving range, or null for the first value.</summary>
    public double? Add(double x)
    {
        double? range = _hasLast ? Math.Abs(x - _last) : null;
        _last = x;
        _hasLast = true;
        return range;
    }

    /// <summary>The upper control limit of the moving ranges.</summary>
    public static double UpperLimit(double mrBar) => D4 * mrBar;

    /// <summary>The within-process sigma estimated from the average moving range.</summary>
    public static double Sigma(double mrBar) => mrBar / D2;
}
