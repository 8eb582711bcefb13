using System.Globalization;
using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Grains.Tests.TestReadings;

namespace Actors.Grains.Tests;

/// <summary>
/// The <c>Capability</c> alert through the grains: the cluster's <see cref="ClusterFixture.CapabilityMetric"/> has
/// specification limits 49 to 51 and <c>MinCpk</c> 1.33; a product whose Cpk over a day's limits window is below it
/// alerts once, when that day's limits are first computed, however many devices and calls ask for them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CapabilityAlertTests(ClusterFixture fixture)
{
    private const string Metric = ClusterFixture.CapabilityMetric;
    private const double Lsl = 49, Usl = 51, MinCpk = 1.33;
    private static readonly DateOnly Day = new(2026, 3, 10);
    private static readonly DateTime DayStart = Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    [Fact]
    public async Task Cpk_below_the_minimum_alerts_once_per_day_whoever_asks_for_the_limits()
    {
        var product = UniqueId("cpk");
        var (first, second) = (UniqueId("dev"), UniqueId("dev"));
        var before = Values(60, spread: 0.4, seed: 1);
        await AccumulateAsync(product, first, DayStart.AddHours(-6), before);

        await fixture.Grains.GetGrain<IDeviceGrain>(first).Judge([Reading(first, product, DayStart.AddMinutes(1), 50)]);
        await fixture.Grains.GetGrain<IDeviceGrain>(second).Judge([Reading(second, product, DayStart.AddMinutes(2), 50)]);
        await fixture.Grains.GetGrain<IProductGrain>(product).GetLimits(Day);
        await fixture.Grains.GetGrain<IProductGrain>(product).GetLimits(Day);

        var alert = Assert.Single(await CapabilityAlertsAsync(product));
        Assert.Equal(DayStart, alert.TargetTime);
        Assert.Equal(Metric, alert.Metric);
        Assert.Equal(string.Empty, alert.DeviceId);
        Assert.Equal(MinCpk, alert.LowerLimit);
        Assert.Equal(Cpk(before), alert.MeasuredValue, 9);
        Assert.True(alert.MeasuredValue < MinCpk);

        var during = Values(60, spread: 0.4, seed: 2);
        await AccumulateAsync(product, first, DayStart.AddHours(1), during, firstPosition: before.Length + 1, previous: before[^1]);
        await fixture.Grains.GetGrain<IDeviceGrain>(first).Judge([Reading(first, product, DayStart.AddDays(1).AddMinutes(1), 50)]);
        await fixture.Grains.GetGrain<IProductGrain>(product).GetLimits(Day.AddDays(1));

        var alerts = await CapabilityAlertsAsync(product);
        Assert.Equal([DayStart.AddDays(1), DayStart], alerts.Select(a => a.TargetTime));
        Assert.Equal(Cpk([.. before, .. during]), alerts[0].MeasuredValue, 9);
    }

    [Fact]
    public async Task A_capable_product_does_not_alert()
    {
        var product = UniqueId("cpk");
        var device = UniqueId("dev");
        var values = Values(60, spread: 0.1, seed: 3);
        await AccumulateAsync(product, device, DayStart.AddHours(-6), values);

        await fixture.Grains.GetGrain<IDeviceGrain>(device).Judge([Reading(device, product, DayStart.AddMinutes(1), 50)]);
        await fixture.Grains.GetGrain<IProductGrain>(product).GetLimits(Day);

        Assert.True(Cpk(values) > MinCpk);
        Assert.Empty(await CapabilityAlertsAsync(product));
    }

    /// <summary>Values around 50 whose consecutive differences are about <paramref name="spread"/> · 2.</summary>
    private static double[] Values(int count, double spread, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => 50 + (i % 2 == 0 ? spread : -spread) * (0.5 + random.NextDouble()))];
    }

    /// <summary>Cpk with sigma within = MR-bar / 1.128 over consecutive values, computed here with plain loops.</summary>
    private static double Cpk(double[] values)
    {
        var mean = values.Average();
        var mrBar = values.Skip(1).Select((x, i) => Math.Abs(x - values[i])).Average();
        return Math.Min(Usl - mean, mean - Lsl) / (3 * mrBar / 1.128);
    }

    /// <summary>The device's readings as the dispatcher sends them to the product: with the moving ranges the device answers.</summary>
    private async Task AccumulateAsync(string product, string device, DateTime start, double[] values, int firstPosition = 1, double? previous = null)
    {
        var readings = values.Select((v, i) => Reading(device, product, start.AddSeconds(i), v)).ToArray();
        var before = values.Select((_, i) => i > 0 ? values[i - 1] : previous).ToArray();
        await fixture.Grains.GetGrain<IProductGrain>(product).Accumulate(new ProductBatch
        {
            Source = "capability-test",
            Readings = readings,
            Positions = [.. readings.Select((_, i) => (firstPosition + i).ToString(CultureInfo.InvariantCulture))],
            MovingRanges = [.. values.Select((v, i) => before[i] is { } last ? new[] { Math.Abs(v - last) } : null)],
        });
    }

    private Task<Anomaly[]> CapabilityAlertsAsync(string product) =>
        fixture.Grains.GetGrain<INotifierGrain>(NotifierShard.For(product, 4))
            .GetRecent(new AlertQuery { ProductId = product, Type = AnomalyType.Capability });

    private static Reading Reading(string device, string product, DateTime time, double value) => new()
    {
        DeviceId = device,
        ProductId = product,
        Timestamp = time,
        Metrics = [new Metric(Metric, value)],
    };
}
