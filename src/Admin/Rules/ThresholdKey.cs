using Actors.Grains.Interfaces;

namespace Actors.Admin.Rules;

/// <summary>What identifies a threshold rule: its metric and scope. A rule set holds at most one rule per key.</summary>
public sealed record ThresholdKey(string Metric, string? DeviceId, string? ProductId)
{
    /// <summary>The key of <paramref name="rule"/> (an empty scope counts as none).</summary>
    public static ThresholdKey Of(ThresholdRule rule) =>
        new(rule.Metric, string.IsNullOrEmpty(rule.DeviceId) ? null : rule.DeviceId, string.IsNullOrEmpty(rule.ProductId) ? null : rule.ProductId);

    /// <summary>E.g. <c>temperature@device=esp-1</c>.</summary>
    public override string ToString() =>
        $"{Metric}{(DeviceId is null ? "" : $"@device={DeviceId}")}{(ProductId is null ? "" : $"@product={ProductId}")}";
}
