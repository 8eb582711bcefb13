using Actors.Detection.Spc;

namespace Actors.Grains.Product;

/// <summary>A product grain's persisted state: compact aggregates of recent readings, the limits served per day and recent chart points.</summary>
[GenerateSerializer, Alias("product-state")]
public sealed class ProductState
{
    [Id(0)] public ProductHistory History { get; set; } = new();
    [Id(1)] public LimitBook Limits { get; set; } = new();

    /// <summary>Recent points of each device and metric, for control charts to look at.</summary>
    [Id(2)] public ChartPointBook ChartPoints { get; set; } = new();
}
