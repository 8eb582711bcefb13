using System.Globalization;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Alarms;

/// <summary>
/// The alarm of a silent device: one per device, under the metric <see cref="Metric"/> and the rule <see cref="Rule"/>
/// (settings in <c>Alarms:Rules:NoData</c>, as for other rules; by default severity 1, no latch).
/// </summary>
public static class NoDataAlarm
{
    /// <summary>The metric name of the alarm: it concerns all of the device's readings.</summary>
    public const string Metric = "readings";

    /// <summary>The rule name of the alarm.</summary>
    public const string Rule = nameof(AnomalyType.NoData);

    /// <summary>
    /// What raises the alarm: no reading since <paramref name="lastSeen"/> for <paramref name="after"/>. Dated at the end of
    /// the silence; the measured value is the silence in seconds.
    /// </summary>
    public static Anomaly Cause(string deviceId, string? productId, DateTime lastSeen, TimeSpan after)
    {
        var due = lastSeen + after;
        return new Anomaly
        {
            AnomalyType = AnomalyType.NoData,
            TargetTime = due,
            MeasuredValue = after.TotalSeconds,
            ProductId = productId,
            DeviceId = deviceId,
            Metric = Metric,
            AlertId = string.Create(CultureInfo.InvariantCulture, $"{deviceId}/{Metric}/{Rule}/{due:yyyyMMddTHHmmss.fffffffZ}"),
            Rule = string.Create(CultureInfo.InvariantCulture, $"no reading for {after:c} since {lastSeen:yyyy-MM-dd HH:mm:ss}"),
            DetectedAt = due,
        };
    }
}
