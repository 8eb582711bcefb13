using Actors.Grains.Interfaces;

namespace Actors.Grains.Tests.Replay;

/// <summary>The identity of an anomaly, for comparing sets; the value is compared separately with a tolerance.</summary>
public sealed record ExpectedAlert(AnomalyType Type, string DeviceId, string Metric, DateTime TargetTime, double MeasuredValue)
{
    public (AnomalyType, string, string, long) Key => (Type, DeviceId, Metric, TargetTime.Ticks / TimeSpan.TicksPerMillisecond);
}
