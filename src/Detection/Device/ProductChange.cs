namespace Actors.Detection.Device;

/// <summary>The product a device reported from a point in a z-score window on (rare: a product switch inside a window).</summary>
/// <param name="Offset">Ticks after the window's start of the first reading with this product.</param>
/// <param name="ProductId">The product, or null when the readings from then on have none.</param>
[GenerateSerializer, Immutable, Alias("device-window-product-change")]
public readonly record struct ProductChange(
    [property: Id(0)] long Offset,
    [property: Id(1)] string? ProductId);
