using Actors.Grains.Interfaces;
using Xunit;

namespace Actors.Grains.Tests.Replay;

/// <summary>The identity of an anomaly, for comparing sets; the value is compared separately with a tolerance.</summary>
public sealed record ExpectedAlert(AnomalyType Type, string DeviceId, string Metric, DateTime TargetTime, double MeasuredValue)
{
    public (AnomalyType, string, string, long) Key => (Type, DeviceId, Metric, TargetTime.Ticks / TimeSpan.TicksPerMillisecond);

    public static ExpectedAlert Of(Anomaly anomaly) => new(anomaly.AnomalyType, anomaly.DeviceId, anomaly.Metric, anomaly.TargetTime, anomaly.MeasuredValue);

    /// <summary>Asserts that <paramref name="actual"/> holds exactly the <paramref name="expected"/> alerts, naming the first missing and the first unexpected.</summary>
    public static void AssertSameSet(IReadOnlyCollection<ExpectedAlert> expected, IReadOnlyCollection<ExpectedAlert> actual)
    {
        var missing = expected.ExceptBy(actual.Select(a => a.Key), a => a.Key).ToList();
        var extra = actual.ExceptBy(expected.Select(a => a.Key), a => a.Key).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"missing {missing.Count} (first: {missing.FirstOrDefault()}), unexpected {extra.Count} (first: {extra.FirstOrDefault()})");
        Assert.Equal(expected.Count, actual.Count);
    }
}
