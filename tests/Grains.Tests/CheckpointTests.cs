using Actors.Detection.Learned;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Xunit;
using static Actors.Grains.Tests.TestReadings;

namespace Actors.Grains.Tests;

/// <summary>
/// Grains write on checkpoints, not per batch, and a grain whose silo died answers "behind" instead of silently
/// continuing from older state; the learned rule's model continues from the checkpoint. Has its own two-silo cluster
/// because it kills a silo.
/// </summary>
public sealed class CheckpointTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifier:Sinks:0"] = "recording",
            ["Devices:RulesRefreshInterval"] = "00:00:00",
            ["Rules:Learned:Enabled"] = "true",
            ["Rules:Learned:Metrics:0"] = "level",
        }));
        builder.AddSiloBuilderConfigurator<ProcessWideStorageSiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_device_writes_only_when_asked_and_after_its_silo_dies_answers_behind_until_read_again()
    {
        var (deviceId, silo) = await DeviceOnSecondarySiloAsync();
        var device = _cluster.Client.GetGrain<IDeviceGrain>(deviceId);
        var first = await device.Judge(Readings(deviceId, 1, 5), Source);
        Assert.Equal(1, first.Mark);
        Assert.Equal(PersistResult.Written, await device.Persist(Source, first.Mark));
        Assert.Equal(PersistResult.Unchanged, await device.Persist(Source, first.Mark));
        var second = await device.Judge(Readings(deviceId, 6, 5), Source, first.Mark);
        Assert.Equal(5, second.Accepted);
        var fromAnotherSource = await device.Judge(Readings(deviceId, 11, 1), "shard-2", 0);
        Assert.Equal((1, 1L), (fromAnotherSource.Accepted, fromAnotherSource.Mark));

        await _cluster.KillSiloAsync(silo);

        var third = await device.Judge(Readings(deviceId, 12, 4), Source, second.Mark);
        Assert.True(third.Behind);
        Assert.Equal(0, third.Accepted);
        Assert.Equal(first.LastEventTime, third.LastEventTime);
        Assert.Equal(PersistResult.Behind, await device.Persist(Source, second.Mark));

        var again = await device.Judge([.. Readings(deviceId, 6, 5), .. Readings(deviceId, 11, 5)], Source);
        Assert.Equal(10, again.Accepted);
        Assert.Equal(15, (await device.GetSnapshot()).Accepted);
    }

    [Fact]
    public async Task After_its_silo_dies_a_device_continues_its_learned_model_from_the_checkpoint()
    {
        var (deviceId, silo) = await DeviceOnSecondarySiloAsync();
        var device = _cluster.Client.GetGrain<IDeviceGrain>(deviceId);
        var levels = Enumerable.Range(0, 900).Select(s => At(deviceId, s, "level", 50 + (10 * Math.Sin(s / 20.0)) + (s * 7919 % 13 / 13.0))).ToArray();
        var expected = new LearnedSeries();
        foreach (var reading in levels)
        {
            expected.Score(reading.Metrics[0].Value);
        }

        var first = await device.Judge(levels[..600], Source);
        Assert.Equal(PersistResult.Written, await device.Persist(Source, first.Mark));
        var second = await device.Judge(levels[600..700], Source, first.Mark);

        await _cluster.KillSiloAsync(silo);

        Assert.True((await device.Judge(levels[700..], Source, second.Mark)).Behind);
        Assert.Equal(300, (await device.Judge(levels[600..], Source, first.Mark)).Accepted);
        var learned = Assert.Single((await device.GetSnapshot()).Learned);
        Assert.Equal(("level", 900L, expected.LastScore), (learned.Metric, learned.Readings, learned.LastScore));
    }

    [Fact]
    public async Task A_product_counts_each_source_position_once_and_names_the_sources_whose_expected_position_it_does_not_hold()
    {
        var product = _cluster.Client.GetGrain<IProductGrain>(UniqueId("prod"));
        var readings = Readings("M-1", 1, 4, product.GetPrimaryKeyString());
        var first = await product.Accumulate(new ProductBatch { Source = "shard-1", Readings = readings[..2], Positions = ["100", "101"] });
        Assert.Equal((2, 0, "101"), (first.Counted, first.Duplicates, first.Position));

        var overlapping = await product.Accumulate(new ProductBatch { Source = "shard-1", Readings = readings, Positions = ["100", "101", "102", "103"], ExpectedPosition = "101" });
        Assert.Equal((2, 2, "103"), (overlapping.Counted, overlapping.Duplicates, overlapping.Position));

        var stale = await product.Accumulate(new ProductBatch { Source = "shard-1", Readings = readings[..1], Positions = ["104"], ExpectedPosition = "101" });
        Assert.True(stale.Behind);
        var other = await product.Accumulate(new ProductBatch { Source = "shard-2", Readings = Readings("M-2", 1, 1, product.GetPrimaryKeyString()), Positions = ["7"] });
        Assert.Equal("7", other.Position);

        var persisted = await product.Persist(new() { ["shard-1"] = "101", ["shard-2"] = "7" });
        Assert.Equal(["shard-1"], persisted.Behind);
        Assert.Equal(PersistResult.Written, persisted.Result);
        var again = await product.Persist(new() { ["shard-1"] = "103", ["shard-2"] = "7" });
        Assert.Equal((PersistResult.Unchanged, 0), (again.Result, again.Behind.Length));
        Assert.Equal(5, (await product.GetSnapshot()).Readings);
    }

    private const string Source = "shard-1";

    private static Reading[] Readings(string deviceId, int firstSecond, int count, string? productId = null) =>
        [.. Enumerable.Range(firstSecond, count).Select(s => At(deviceId, s, "temperature", 20 + s % 3, productId))];

    private async Task<(string DeviceId, SiloHandle Silo)> DeviceOnSecondarySiloAsync()
    {
        var secondary = _cluster.SecondarySilos[0];
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var deviceId = UniqueId("ckpt");
            await _cluster.Client.GetGrain<IDeviceGrain>(deviceId).GetSnapshot();
            var statistics = await management.GetDetailedGrainStatistics();
            if (statistics.Any(s => s.GrainId.Key.ToString() == deviceId && s.SiloAddress.Equals(secondary.SiloAddress)))
            {
                return (deviceId, secondary);
            }
        }
        throw new InvalidOperationException("no device grain was placed on the secondary silo in 100 tries");
    }
}
