using Actors.Grains.Interfaces;

namespace Actors.Admin.Tests;

/// <summary>Test data: IDs, readings, limits, and rule changes made the way an admin makes them (with the secret).</summary>
public static class Seed
{
    public static readonly DateTime Start = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    public static readonly DateOnly Day = DateOnly.FromDateTime(Start);

    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static Reading At(string deviceId, int second, string? productId, params (string Name, double Value)[] metrics) => new()
    {
        DeviceId = deviceId,
        ProductId = productId,
        Timestamp = Start.AddSeconds(second),
        Metrics = [.. metrics.Select(m => new Metric(m.Name, m.Value))],
    };

    public static ControlLimits Limits(string productId, string metric = "thickness", double mean = 50) => new()
    {
        ProductId = productId,
        Metric = metric,
        Date = Day,
        Mean = mean,
        StdDev = 0.5,
        Count = 0,
        UclI = mean + 1.5,
        LclI = mean - 1.5,
        UclX = mean + 0.67,
        LclX = mean - 0.67,
        Source = LimitSource.Imported,
    };

    /// <summary>Replaces the rules' thresholds with <paramref name="thresholds"/> and resets the z-score rule to its defaults.</summary>
    public static Task<DetectionRules> UseRulesAsync(IGrainFactory grains, params ThresholdRule[] thresholds) =>
        AdminRequestContext.CallAsync(AdminClusterFixture.Secret, async () =>
        {
            var rules = grains.GetGrain<IRulesGrain>(RulesGrainKey.Default);
            return await rules.Set((await rules.Get()) with { Thresholds = thresholds, ZScore = new ZScoreSettings() });
        });

    public static Task ImportAsync(IGrainFactory grains, string productId, params ControlLimits[] limits) =>
        AdminRequestContext.CallAsync(AdminClusterFixture.Secret, () => grains.GetGrain<IProductGrain>(productId).ImportLimits(limits));
}
