using Actors.Detection.Alerts;
using Actors.Grains.Interfaces;
using Xunit;

namespace Actors.Detection.Tests.Alerts;

public sealed class AlertRepeatFolderTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(5);

    private static Anomaly Capability(string productId, DateTime day) => new()
    {
        AlertId = $"{productId}/bore/Capability/{day:yyyyMMdd}",
        AnomalyType = AnomalyType.Capability,
        TargetTime = day,
        DetectedAt = day,
        MeasuredValue = 0.5,
        LowerLimit = 1.33,
        BaselineRef = $"{day:yyyy-MM-dd}",
        ProductId = productId,
        DeviceId = string.Empty,
        Metric = "bore",
        Rule = "Cpk 0.5 < 1.33",
    };

    [Fact]
    public void Product_anomalies_that_name_no_device_fold_per_product_not_across_products()
    {
        var folder = new AlertRepeatFolder();
        var day = new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc);

        var first = folder.Offer(Capability("P-1", day), Now, Cooldown);
        var otherProduct = folder.Offer(Capability("P-2", day), Now, Cooldown);
        var sameProductNextDay = folder.Offer(Capability("P-1", day.AddDays(1)), Now.AddMinutes(1), Cooldown);

        Assert.NotNull(first);
        Assert.NotNull(otherProduct);
        Assert.Null(sameProductNextDay);
        var summary = Assert.Single(folder.Expire(Now + Cooldown, Cooldown));
        Assert.Equal("P-1", summary.Anomaly.ProductId);
        Assert.Equal(day.AddDays(1), summary.Anomaly.TargetTime);
    }
}
