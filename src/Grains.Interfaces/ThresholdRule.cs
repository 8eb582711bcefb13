namespace Actors.Grains.Interfaces;

/// <summary>
/// A fixed limit on one metric. A value at or above <see cref="Upper"/>, or at or below <see cref="Lower"/>, is an
/// anomaly (the seed rule "temperature &gt;= 30 alerts"). Scoped to one device or product, or global when both are null;
/// the most specific rule for a metric wins: device, then product, then global.
/// </summary>
[GenerateSerializer, Immutable, Alias("threshold-rule")]
public sealed record ThresholdRule
{
    [Id(0)] public required string Metric { get; init; }
    [Id(1)] public double? Upper { get; init; }
    [Id(2)] public double? Lower { get; init; }
    [Id(3)] public string? DeviceId { get; init; }
    [Id(4)] public string? ProductId { get; init; }
}
