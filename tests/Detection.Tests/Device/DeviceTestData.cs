using Actors.Grains.Interfaces;

namespace Actors.Detection.Tests.Device;

/// <summary>Readings, rules and limits for the device detection tests.</summary>
internal static class DeviceTestData
{
    public const string DeviceId = "M-001";

    /// <summary>2026-02-17 12:00:00 UTC: a multiple of 20 s since the UTC epoch.</summary>
    public static readonly DateTime T0 = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    public static DateTime At(double seconds) => T0.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    public static Reading Reading(DateTime time, params (string Name, double Value)[] metrics) =>
        ReadingOf(DeviceId, null, time, metrics);

    public static Reading ProductReading(string productId, DateTime time, params (string Name, double Value)[] metrics) =>
        ReadingOf(DeviceId, productId, time, metrics);

    public static Reading ReadingOf(string deviceId, string? productId, DateTime time, params (string Name, double Value)[] metrics) =>
        new()
        {
            DeviceId = deviceId,
            ProductId = productId,
            Timestamp = time,
            Metrics = metrics.Select(m => new Metric(m.Name, m.Value)).ToArray(),
        };

    public static DetectionRules NoZScore(params ThresholdRule[] thresholds) =>
        new() { Thresholds = thresholds, ZScore = new ZScoreSettings { Enabled = false }, Version = 1 };

    public static DetectionRules ZScoreOnly(ZScoreSettings settings) => new() { ZScore = settings, Version = 1 };

    public static ControlLimits Limits(string productId, string metric, double mean, double sd) => new()
    {
        ProductId = productId,
        Metric = metric,
        Date = new DateOnly(2026, 2, 17),
        Mean = mean,
        StdDev = sd,
        Count = 100,
        UclI = mean + (3 * sd),
        LclI = mean - (3 * sd),
        UclX = mean + (3 * sd / Math.Sqrt(5)),
        LclX = mean - (3 * sd / Math.Sqrt(5)),
        Source = LimitSource.Computed,
    };

    public static ControlLimits[]? NoLimits(string productId, DateTime time) => null;
}
