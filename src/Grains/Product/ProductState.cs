using Actors.Detection.Spc;

namespace Actors.Grains.Product;

/// <summary>
/// A product grain's head state: how far each source has been counted, the history's counts, and which slot of each of
/// its pages (<see cref="ProductPages"/>: the history's buckets by the hour, the limits, the chart points) holds the
/// version written with it. A checkpoint writes the pages that changed, then this small head.
/// </summary>
[GenerateSerializer, Alias("product-state")]
public sealed class ProductState
{
    /// <summary>The history's counts and latest event time; its buckets are in the history pages. A state stored before pages existed holds the buckets here.</summary>
    [Id(0)] public ProductHistory History { get; set; } = new();

    /// <summary>Stored before pages existed; null since (the <c>limits</c> page).</summary>
    [Id(1)] public LimitBook? Limits { get; set; }

    /// <summary>Stored before pages existed; null since (the <c>chart</c> page).</summary>
    [Id(2)] public ChartPointBook? ChartPoints { get; set; }

    [Id(3)] public SourceWatermarks Sources { get; set; } = new();

    /// <summary>Readings not counted because their source position had been counted already.</summary>
    [Id(4)] public long Duplicates { get; set; }

    /// <summary>The slot (0 or 1) holding the version of the limits and chart pages written with this head.</summary>
    [Id(5)] public Dictionary<string, int> Pages { get; set; } = [];

    /// <summary>The slot holding the version of each hour of history written with this head.</summary>
    [Id(6)] public HistoryPageSlots HistoryPages { get; set; } = new();
}
