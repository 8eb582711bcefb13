using Actors.Detection.Spc;

namespace Actors.Grains.Product;

/// <summary>A product grain's persisted state: compact aggregates of recent readings and the limits served per day.</summary>
[GenerateSerializer, Alias("product-state")]
public sealed class ProductState
{
    [Id(0)] public ProductHistory History { get; set; } = new();
    [Id(1)] public LimitBook Limits { get; set; } = new();
}
