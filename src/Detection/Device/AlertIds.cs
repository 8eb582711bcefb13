using System.Globalization;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Device;

/// <summary>Builds the deterministic identity of an anomaly, so that judging the same reading again yields the same ID.</summary>
public static class AlertIds
{
    /// <summary>
    /// The alert ID <c>{deviceId}/{metric}/{type}/{targetTime:yyyyMMddTHHmmss.fffffffZ}</c>,
    /// e.g. <c>M-001/thickness/Confirmed/20260217T120058.0000000Z</c>.
    /// </summary>
    /// <param name="deviceId">The device that measured the value.</param>
    /// <param name="metric">The metric judged.</param>
    /// <param name="type">The rule that found the anomaly.</param>
    /// <param name="targetTime">The event time (UTC) of the value judged.</param>
    public static string For(string deviceId, string metric, AnomalyType type, DateTime targetTime) =>
        string.Create(CultureInfo.InvariantCulture, $"{deviceId}/{metric}/{TypeName(type)}/{targetTime:yyyyMMddTHHmmss.fffffffZ}");

    /// <summary>
    /// The alert ID of a rule that can find several anomalies of one type at one value (run-rule tests, CUSUM sides):
    /// <c>{deviceId}/{metric}/{type}-{qualifier}/{targetTime}</c>, e.g. <c>M-001/thickness/RunRule-I2/20260217T120058.0000000Z</c>.
    /// Without a qualifier, the same as <see cref="For"/>.
    /// </summary>
    public static string Qualified(string deviceId, string metric, AnomalyType type, DateTime targetTime, string? qualifier) =>
        qualifier is null
            ? For(deviceId, metric, type, targetTime)
            : string.Create(CultureInfo.InvariantCulture, $"{deviceId}/{metric}/{TypeName(type)}-{qualifier}/{targetTime:yyyyMMddTHHmmss.fffffffZ}");

    private static string TypeName(AnomalyType type) => type switch
    {
        AnomalyType.Threshold => nameof(AnomalyType.Threshold),
        AnomalyType.ZScore => nameof(AnomalyType.ZScore),
        AnomalyType.Provisional => nameof(AnomalyType.Provisional),
        AnomalyType.Confirmed => nameof(AnomalyType.Confirmed),
        _ => type.ToString(),
    };
}
