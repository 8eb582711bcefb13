using Actors.Detection.Spc;

namespace Actors.Grains.Product;

/// <summary>
/// A product grain's persisted state: compact aggregates of recent readings, the limits served per day, recent chart
/// points, and how far each source has been counted.
/// </summary>
[GenerateSerializer, Alias("product-state")]
public sealed class ProductState
{
    [Id(0)] public ProductHistory History { get; set; } = new();
    [Id(1)] public LimitBook Limits { get; set; } = new();

    /// <summary>Recent points of each device and metric, for control charts to look at.</summary>
    [Id(2)] public ChartPointBook ChartPoints { get; set; } = new();

    [Id(3)] public SourceWatermarks Sources { get; set; } = new();

    /// <summary>Readings not counted because their source position had been counted already.</summary>
    [Id(4)] public long Duplicates { get; set; }
}
