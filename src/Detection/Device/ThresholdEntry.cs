using System.Globalization;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Device;

/// <summary>A threshold rule with its rule texts prepared once, so judging allocates only when it finds an anomaly.</summary>
internal sealed class ThresholdEntry
{
    public ThresholdEntry(ThresholdRule rule)
    {
        Rule = rule;
        UpperText = rule.Upper is { } upper ? string.Create(CultureInfo.InvariantCulture, $"{rule.Metric} >= {upper}") : null;
        LowerText = rule.Lower is { } lower ? string.Create(CultureInfo.InvariantCulture, $"{rule.Metric} <= {lower}") : null;
    }

    public ThresholdRule Rule { get; }

    public string? UpperText { get; }

    public string? LowerText { get; }
}
