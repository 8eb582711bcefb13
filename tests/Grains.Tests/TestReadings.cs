using Actors.Grains.Interfaces;

namespace Actors.Grains.Tests;

public static class TestReadings
{
    public static readonly DateTime Start = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    public static Reading At(string deviceId, int second, string metric, double value, string? productId = null) => new()
    {
        DeviceId = deviceId,
        ProductId = productId,
        Timestamp = Start.AddSeconds(second),
        Metrics = [new Metric(metric, value)],
    };

    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
