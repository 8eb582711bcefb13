namespace Actors.Grains.Interfaces;

/// <summary>Where a day's control limits came from.</summary>
public enum LimitSource
{
    /// <summary>Computed by the product grain from the readings of the 72 hours before the day.</summary>
    Computed = 0,

    /// <summary>Imported from a baseline file; replaces computed limits for the same product, metric and date.</summary>
    Imported = 1,
}
