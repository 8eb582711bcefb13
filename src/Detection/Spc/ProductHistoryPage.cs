namespace Actors.Detection.Spc;

/// <summary>
/// The buckets of one <see cref="ProductHistory.PageSize"/> of a product's history, every metric's: what a product grain
/// stores as one record, so that a checkpoint rewrites the pages its readings went into rather than the whole history.
/// </summary>
[GenerateSerializer, Alias("spc-product-history-page")]
public sealed class ProductHistoryPage
{
    [Id(0)] internal Dictionary<string, BucketSeries> Values { get; init; } = [];
    [Id(1)] internal Dictionary<string, BucketSeries> MovingRanges { get; init; } = [];
    [Id(2)] internal Dictionary<string, BucketSeries> OutOfSpec { get; init; } = [];
}
