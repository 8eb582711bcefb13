namespace Actors.Detection.Device;

/// <summary>Identifies one X-bar series of a device: a product and one of its metrics.</summary>
/// <param name="ProductId">The product being made.</param>
/// <param name="Metric">The metric measured.</param>
[GenerateSerializer, Immutable, Alias("device-series-key")]
public readonly record struct SeriesKey(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string Metric);
