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

    /// <summary>A Nelson (or Western Electric) run-rule test completed on the individuals or X-bar chart.</summary>
    RunRule = 4,

    /// <summary>A moving range of two consecutive values above the moving-range chart's UCL (3.267 MR-bar).</summary>
    MovingRange = 5,

    /// <summary>The EWMA statistic outside its control limits.</summary>
    Ewma = 6,

    /// <summary>A tabular CUSUM sum above its decision interval.</summary>
    Cusum = 7,

    /// <summary>A product metric's Cpk below the configured minimum over a day's limits window.</summary>
    Capability = 8,

    /// <summary>A learned series' score at or above the learned rule's threshold (docs/detection.md).</summary>
    Learned = 9,

    /// <summary>A device silent for longer than its <c>NoData:After</c> (docs/alarms.md); it raises an alarm, never an anomaly record.</summary>
    NoData = 10,
}
