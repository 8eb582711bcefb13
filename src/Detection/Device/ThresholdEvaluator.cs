using Actors.Grains.Interfaces;

namespace Actors.Detection.Device;

/// <summary>
/// The threshold rules of one <see cref="DetectionRules.Version"/>, indexed so that finding the rule of a metric is a
/// few dictionary lookups. The most specific rule wins: device and product, then device, then product, then global
/// (both scopes null or empty). A winning rule without limits hides less specific ones. Within one scope the first
/// rule listed for a metric wins.
/// </summary>
public sealed class ThresholdEvaluator
{
    private readonly Dictionary<(string DeviceId, string ProductId, string Metric), ThresholdEntry> _byDeviceAndProduct = [];
    private readonly Dictionary<(string DeviceId, string Metric), ThresholdEntry> _byDevice = [];
    private readonly Dictionary<(string ProductId, string Metric), ThresholdEntry> _byProduct = [];
    private readonly Dictionary<string, ThresholdEntry> _global = new(StringComparer.Ordinal);

    /// <summary>Indexes the threshold rules of <paramref name="rules"/>.</summary>
    /// <param name="rules">The rule set.</param>
    public ThresholdEvaluator(DetectionRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Version = rules.Version;
        foreach (var rule in rules.Thresholds ?? [])
        {
            if (rule is null || string.IsNullOrEmpty(rule.Metric))
            {
                continue;
            }

            var entry = new ThresholdEntry(rule);
            var device = string.IsNullOrEmpty(rule.DeviceId) ? null : rule.DeviceId;
            var product = string.IsNullOrEmpty(rule.ProductId) ? null : rule.ProductId;
            if (device is not null && product is not null)
            {
                _byDeviceAndProduct.TryAdd((device, product, rule.Metric), entry);
            }
            else if (device is not null)
            {
                _byDevice.TryAdd((device, rule.Metric), entry);
            }
            else if (product is not null)
            {
                _byProduct.TryAdd((product, rule.Metric), entry);
            }
            else
            {
                _global.TryAdd(rule.Metric, entry);
            }
        }
    }

    /// <summary>The version of the rules this evaluator was built from.</summary>
    public long Version { get; }

    /// <summary>The rule that applies to <paramref name="metric"/> of a reading, or null when none does.</summary>
    /// <param name="deviceId">The reading's device.</param>
    /// <param name="productId">The reading's product, if any.</param>
    /// <param name="metric">The metric name.</param>
    internal ThresholdRule? RuleFor(string deviceId, string? productId, string metric) => Find(deviceId, productId, metric)?.Rule;

    /// <summary>
    /// Judges one metric of a reading: at or above the rule's upper limit, or at or below its lower limit, is a
    /// <see cref="AnomalyType.Threshold"/> anomaly (the upper limit is checked first).
    /// </summary>
    /// <param name="deviceId">The reading's device.</param>
    /// <param name="productId">The reading's product, if any.</param>
    /// <param name="time">The reading's event time (UTC).</param>
    /// <param name="metric">The metric to judge.</param>
    /// <returns>The anomaly, or null when the value is inside the limits or no rule applies.</returns>
    public Anomaly? Judge(string deviceId, string? productId, DateTime time, Metric metric)
    {
        var entry = Find(deviceId, productId, metric.Name);
        if (entry is null)
        {
            return null;
        }

        if (entry.Rule.Upper is { } upper && metric.Value >= upper)
        {
            return Create(deviceId, productId, time, metric, upper, null, entry.UpperText);
        }

        if (entry.Rule.Lower is { } lower && metric.Value <= lower)
        {
            return Create(deviceId, productId, time, metric, null, lower, entry.LowerText);
        }

        return null;
    }

    private ThresholdEntry? Find(string deviceId, string? productId, string metric)
    {
        ThresholdEntry? entry;
        if (productId is not null && _byDeviceAndProduct.Count > 0 && _byDeviceAndProduct.TryGetValue((deviceId, productId, metric), out entry))
        {
            return entry;
        }

        if (_byDevice.Count > 0 && _byDevice.TryGetValue((deviceId, metric), out entry))
        {
            return entry;
        }

        if (productId is not null && _byProduct.Count > 0 && _byProduct.TryGetValue((productId, metric), out entry))
        {
            return entry;
        }

        return _global.TryGetValue(metric, out entry) ? entry : null;
    }

    private static Anomaly Create(string deviceId, string? productId, DateTime time, Metric metric, double? upper, double? lower, string? rule) =>
        new()
        {
            AlertId = AlertIds.For(deviceId, metric.Name, AnomalyType.Threshold, time),
            AnomalyType = AnomalyType.Threshold,
            TargetTime = time,
            DetectedAt = time,
            MeasuredValue = metric.Value,
            UpperLimit = upper,
            LowerLimit = lower,
            ProductId = productId,
            DeviceId = deviceId,
            Metric = metric.Name,
            Rule = rule,
        };
}
