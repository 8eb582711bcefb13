using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary>A threshold rule: a value at or above <see cref="Upper"/> or at or below <see cref="Lower"/> is an anomaly; scoped to a device and/or product, or global.</summary>
public sealed record ThresholdReport
{
    public required string Metric { get; init; }
    public double? Upper { get; init; }
    public double? Lower { get; init; }
    public string? DeviceId { get; init; }
    public string? ProductId { get; init; }

    /// <summary>The report of <paramref name="rule"/>.</summary>
    public static ThresholdReport From(ThresholdRule rule) => new()
    {
        Metric = rule.Metric,
        Upper = rule.Upper,
        Lower = rule.Lower,
        DeviceId = rule.DeviceId,
        ProductId = rule.ProductId,
    };

    /// <summary>The rule this report describes.</summary>
    public ThresholdRule ToRule() => new()
    {
        Metric = Metric,
        Upper = Upper,
        Lower = Lower,
        DeviceId = string.IsNullOrEmpty(DeviceId) ? null : DeviceId,
        ProductId = string.IsNullOrEmpty(ProductId) ? null : ProductId,
    };
}
