namespace Actors.Grains.Interfaces;

/// <summary>Which rule found an anomaly.</summary>
public enum AnomalyType
{
    /// <summary>A value at or beyond a fixed threshold.</summary>
    Threshold = 0,

    /// <summary>A value whose |z| in its time window exceeds the bound.</summary>
    ZScore = 1,

    /// <summary>A value outside the product's individuals control limits.</summary>
    Provisional = 2,

    /// <summary>The mean of the last five values outside the product's X-bar control limits.</summary>
    Confirmed = 3,
}
