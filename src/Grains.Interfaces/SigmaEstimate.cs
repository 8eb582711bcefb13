namespace Actors.Grains.Interfaces;

/// <summary>How the sigma of control limits is estimated from the readings of the limits window.</summary>
public enum SigmaEstimate
{
    /// <summary>Sample standard deviation (n − 1) of all readings, as SQL STDDEV (the seed's rule).</summary>
    SampleStdDev = 0,

    /// <summary>Average moving range of consecutive readings of each device divided by d2 = 1.128 (I-MR chart).</summary>
    MovingRange = 1,
}
