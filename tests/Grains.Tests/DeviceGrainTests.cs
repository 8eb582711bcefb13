using System.Globalization;
using Xunit;
using Actors.Grains.Interfaces;
using Actors.TestSupport;
using static Actors.Grains.Tests.TestReadings;

namespace Actors.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class DeviceGrainTests(ClusterFixture fixture)
{
    private async Task UseRules(params ThresholdRule[] thresholds)
    {
        var rules = fixture.Grains.GetGrain<IRulesGrain>(RulesGrainKey.Default);
        var current = await rules.Get();
        await rules.Set(current with { Thresholds = thresholds, ZScore = new ZScoreSettings() });
    }

    [Fact]
    public async Task Threshold_breach_is_judged_and_is_with_the_notifier_when_the_device_writes()
    {
        var device = UniqueId("dev");
        await UseRules(new ThresholdRule { Metric = "temperature", Upper = 30, DeviceId = device });
        var grain = fixture.Grains.GetGrain<IDeviceGrain>(device);

        var result = await grain.Judge([At(device, 0, "temperature", 25), At(device, 1, "temperature", 30), At(device, 2, "temperature", 29.9)]);

        Assert.Equal(3, result.Accepted);
        var anomaly = Assert.Single(result.Anomalies);
        Assert.Equal(AnomalyType.Threshold, anomaly.AnomalyType);
        Assert.Equal(30, anomaly.MeasuredValue);
        Assert.Equal(Start.AddSeconds(1), anomaly.TargetTime);
        Assert.Equal(PersistResult.Written, await grain.Persist());
        var shard = fixture.Grains.GetGrain<INotifierGrain>(NotifierShard.For(device, 4));
        var recorded = await shard.GetRecent(new AlertQuery { DeviceId = device });
        Assert.Equal(anomaly.AlertId, Assert.Single(recorded).AlertId);
    }

    [Fact]
    public async Task Duplicate_and_late_readings_are_dropped_and_never_judged_twice()
    {
        var device = UniqueId("dup");
        await UseRules(new ThresholdRule { Metric = "temperature", Upper = 30, DeviceId = device });
        var grain = fixture.Grains.GetGrain<IDeviceGrain>(device);

        var first = await grain.Judge([At(device, 10, "temperature", 40)]);
        var replayed = await grain.Judge([At(device, 10, "temperature", 40), At(device, 5, "temperature", 45), At(device, 11, "temperature", 20)]);

        Assert.Single(first.Anomalies);
        Assert.Equal(1, replayed.Accepted);
        Assert.Equal(2, replayed.Duplicates);
        Assert.Empty(replayed.Anomalies);
        var snapshot = await grain.GetSnapshot();
        Assert.Equal(2, snapshot.Accepted);
        Assert.Equal(2, snapshot.Duplicates);
        Assert.Equal(Start.AddSeconds(11), snapshot.LastReading!.Timestamp);
    }

    [Fact]
    public async Task Spc_uses_the_product_limits_of_the_reading_day()
    {
        var device = UniqueId("line");
        var product = UniqueId("prod");
        await UseRules();
        await fixture.Grains.GetGrain<IProductGrain>(product).ImportLimits([new ControlLimits
        {
            ProductId = product, Metric = "thickness", Date = DateOnly.FromDateTime(Start), Mean = 50, StdDev = 0.5, Count = 0,
            UclI = 51.5, LclI = 48.5, UclX = 50.67, LclX = 49.33, Source = LimitSource.Imported,
        }]);
        var grain = fixture.Grains.GetGrain<IDeviceGrain>(device);

        var result = await grain.Judge([
            At(device, 0, "thickness", 51.5, product),
            At(device, 1, "thickness", 51.6, product),
            At(device, 2, "thickness", 50.5, product),
            At(device, 3, "thickness", 50.5, product),
            At(device, 4, "thickness", 50.5, product),
        ]);

        Assert.Collection(result.Anomalies,
            provisional =>
            {
                Assert.Equal(AnomalyType.Provisional, provisional.AnomalyType);
                Assert.Equal(51.6, provisional.MeasuredValue);
                Assert.Equal(DateOnly.FromDateTime(Start).ToString("yyyy-MM-dd"), provisional.BaselineRef);
            },
            confirmed =>
            {
                Assert.Equal(AnomalyType.Confirmed, confirmed.AnomalyType);
                Assert.Equal((51.5 + 51.6 + 50.5 * 3) / 5, confirmed.MeasuredValue, 12);
                Assert.Equal(50.67, confirmed.UpperLimit);
            });
    }

    [Fact]
    public async Task Computed_limits_come_from_the_72_hours_before_the_day()
    {
        var device = UniqueId("calc");
        var product = UniqueId("prod");
        await UseRules();
        var day = DateOnly.FromDateTime(Start);
        var dayStart = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var values = Enumerable.Range(0, 40).Select(i => 50 + (i % 5 - 2) * 0.1).ToArray();
        var history = values.Select((v, i) => new Reading
        {
            DeviceId = device, ProductId = product, Timestamp = dayStart.AddHours(-71).AddMinutes(i), Metrics = [new Metric("thickness", v)],
        }).ToArray();
        await fixture.Grains.GetGrain<IProductGrain>(product).Accumulate(new ProductBatch
        {
            Source = "test", Readings = history, Positions = [.. history.Select((_, i) => (i + 1).ToString(CultureInfo.InvariantCulture))],
        });

        var limits = Assert.Single(await fixture.Grains.GetGrain<IProductGrain>(product).GetLimits(day));

        Assert.Equal(LimitSource.Computed, limits.Source);
        Assert.Equal(40, limits.Count);
        Assert.Equal(MathNet.Numerics.Statistics.Statistics.Mean(values), limits.Mean, 12);
        Assert.Equal(MathNet.Numerics.Statistics.Statistics.StandardDeviation(values), limits.StdDev, 12);
        Assert.Equal(limits.Mean + 3 * limits.StdDev / Math.Sqrt(5), limits.UclX, 12);
        var snapshot = await fixture.Grains.GetGrain<IProductGrain>(product).GetSnapshot();
        Assert.Contains(snapshot.Limits, l => l.Date == day && l.Source == LimitSource.Computed);
    }

    [Fact]
    public async Task Readings_land_on_different_silos_and_state_survives_deactivation()
    {
        var devices = Enumerable.Range(0, 20).Select(_ => UniqueId("spread")).ToArray();
        await UseRules();
        foreach (var device in devices)
        {
            await fixture.Grains.GetGrain<IDeviceGrain>(device).Judge([At(device, 0, "humidity", 40)]);
        }
        var activations = await DeviceActivations(devices);
        Assert.Equal(devices.Length, activations.Count);
        Assert.True(activations.Select(s => s.SiloAddress).Distinct().Count() >= 2, "device grains should be spread over both silos");

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Eventually.Until(async () => (await DeviceActivations(devices)).Count == 0, TimeSpan.FromSeconds(30), "device grains to deactivate");

        var snapshot = await fixture.Grains.GetGrain<IDeviceGrain>(devices[0]).GetSnapshot();
        Assert.Equal(1, snapshot.Accepted);
        Assert.Equal(40, snapshot.LastReading!.Metrics[0].Value);
    }

    private async Task<List<DetailedGrainStatistic>> DeviceActivations(string[] devices)
    {
        var stats = await fixture.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return stats.Where(s => devices.Contains(s.GrainId.Key.ToString())).ToList();
    }
}
