namespace Actors.Grains.Interfaces;

/// <summary>The last values (at most five) of one product and metric on a device, for the X-bar rule.</summary>
[GenerateSerializer, Immutable, Alias("series-view")]
public sealed record SeriesView
{
    [Id(0)] public required string ProductId { get; init; }
    [Id(1)] public required string Metric { get; init; }
    [Id(2)] public required double[] Values { get; init; }
}
