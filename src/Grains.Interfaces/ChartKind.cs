namespace Actors.Grains.Interfaces;

/// <summary>Which control chart of a series to draw.</summary>
public enum ChartKind
{
    /// <summary>The individual values against UCL-I and LCL-I, with the 1, 2 and 3 sigma zones.</summary>
    Individuals,

    /// <summary>The moving ranges |x_t − x_(t−1)| against UCL-MR = 3.267 MR-bar.</summary>
    MovingRange,

    /// <summary>The means of consecutive subgroups of five values against UCL-X and LCL-X, with zones.</summary>
    XBar,

    /// <summary>The EWMA statistic against its limits, which widen towards the asymptotic ones.</summary>
    Ewma,

    /// <summary>The tabular CUSUM: C⁺ above zero and −C⁻ below, against ±H.</summary>
    Cusum,
}
