namespace Actors.Grains.Interfaces;

/// <summary>One grain per product: aggregates of the product's recent readings and its daily control limits.</summary>
[Alias("product")]
public interface IProductGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds readings of this product to its aggregates, in the order given. A reading at or before the latest event
    /// time already counted for the same device is a duplicate and is not counted again.
    /// </summary>
    [Alias("accumulate")]
    Task Accumulate(Reading[] readings);

    /// <summary>
    /// The limits of every metric for <paramref name="date"/>: imported ones, else computed from the readings of
    /// [date - 72 h, date) when there are enough. Computed limits are frozen at the first request.
    /// </summary>
    [Alias("limits")]
    Task<ControlLimits[]> GetLimits(DateOnly date);

    /// <summary>Stores imported limits; they replace computed ones for the same metric and date.</summary>
    [Alias("import")]
    [AdminOperation]
    Task ImportLimits(ControlLimits[] limits);

    [Alias("snapshot")]
    Task<ProductSnapshot> GetSnapshot();

    /// <summary>
    /// The individuals chart of <paramref name="metric"/> on <paramref name="date"/> (default: the day of the latest
    /// point kept): the points of <paramref name="deviceId"/>, or of every device, the day's limits and the violations.
    /// </summary>
    [Alias("chart")]
    Task<ControlChart> GetChart(string metric, string? deviceId, DateOnly? date);
}
