using Actors.Detection.Device;
using Actors.Grains.Interfaces;
using Amazon.DynamoDBv2.Model;
using Orleans.Serialization;
using Orleans.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Actors.Persistence.DynamoDB.Tests;

/// <summary>
/// A device's item, written through the provider into moto's DynamoDB and read back, stays in one write unit (DynamoDB
/// bills a write per started KB), and the reloaded state judges as the one that was written.
/// </summary>
[Collection(DynamoDBCollection.Name)]
[Trait("Service", "moto")]
public sealed class DeviceItemSizeTests(DynamoDBClusterFixture fixture)
{
    private const int OneWriteUnit = 1024;
    private const string Product = "B205";
    private static readonly DateTime Midnight = new(2026, 2, 17, 0, 0, 0, DateTimeKind.Utc);
    private static readonly (string Name, double Mean, double Sd)[] LineMetrics = [("thickness", 50, 0.5), ("line_speed", 50, 0.3), ("temperature", 25, 1)];

    private static readonly DetectionRules Rules = new()
    {
        Thresholds = [new ThresholdRule { Metric = "temperature", Upper = 30 }, new ThresholdRule { Metric = "thickness", Upper = 55, Lower = 45 }],
        ZScore = new ZScoreSettings(),
        Version = 1,
    };

    [Fact]
    public async Task A_device_item_stays_under_1_KB_after_a_day_of_readings_every_second_and_reloads_to_judge_alike()
    {
        var random = new Random(17);
        var detector = new DeviceDetector();
        var state = new DeviceState();
        var grainId = GrainId.Create("device", "line-" + Guid.NewGuid().ToString("N")[..8]);
        Judge(detector, grainId, state, Day(random, Midnight, TimeSpan.FromDays(1).Add(TimeSpan.FromSeconds(20))));
        Assert.Equal(86_420, state.Accepted);
        Assert.All(state.Windows, window => Assert.Equal(20, window.Samples.Count));

        await (await fixture.SiloStorageAsync()).WriteStateAsync("device", grainId, new GrainState<DeviceState>(state));
        var item = await fixture.StoredItemAsync("device", grainId);
        var reloaded = new GrainState<DeviceState>(new DeviceState());
        await (await fixture.SiloStorageAsync()).ReadStateAsync("device", grainId, reloaded);

        Assert.InRange(DynamoDBItemSize.Of(item), 1, OneWriteUnit - 1);
        var nextHour = Day(random, Midnight.AddDays(1).AddSeconds(20), TimeSpan.FromHours(1));
        var fromMemory = Judge(detector, grainId, state, nextHour);
        Assert.Contains(fromMemory, id => id.Contains("/ZScore/", StringComparison.Ordinal));
        Assert.Equal(fromMemory, Judge(detector, grainId, reloaded.State!, nextHour));
        Assert.Equal(Serialized(state), Serialized(reloaded.State));
    }

    /// <summary>
    /// Readings every second from <paramref name="start"/> for <paramref name="duration"/>, with two decimals as sensors
    /// send them; every ten minutes a spike of every metric.
    /// </summary>
    private static List<Reading> Day(Random random, DateTime start, TimeSpan duration)
    {
        var readings = new List<Reading>((int)duration.TotalSeconds);
        for (var time = start; time < start + duration; time = time.AddSeconds(1))
        {
            var spike = time.Ticks / TimeSpan.TicksPerSecond % 600 == 300 ? 10 : 0;
            readings.Add(new Reading
            {
                DeviceId = "line",
                ProductId = Product,
                Timestamp = time,
                Metrics = [.. LineMetrics.Select(m => new Metric(m.Name, Math.Round(m.Mean + (m.Sd * (spike + ((random.NextDouble() - 0.5) * 3))), 2)))],
            });
        }

        return readings;
    }

    private static List<string> Judge(DeviceDetector detector, GrainId grainId, DeviceState state, List<Reading> readings)
    {
        ControlLimits[] limits = [Limits("thickness", 50, 0.5), Limits("line_speed", 50, 0.3)];
        var anomalies = new List<Anomaly>();
        foreach (var batch in readings.Chunk(1_000))
        {
            detector.Judge(grainId.Key.ToString()!, state, batch, Rules, (_, _) => limits, anomalies);
        }

        return [.. anomalies.Select(a => a.AlertId)];
    }

    private static ControlLimits Limits(string metric, double mean, double sd) => new()
    {
        ProductId = Product,
        Metric = metric,
        Date = DateOnly.FromDateTime(Midnight),
        Mean = mean,
        StdDev = sd,
        Count = 100,
        UclI = mean + (3 * sd),
        LclI = mean - (3 * sd),
        UclX = mean + (3 * sd / Math.Sqrt(5)),
        LclX = mean - (3 * sd / Math.Sqrt(5)),
        Source = LimitSource.Computed,
    };

    private byte[] Serialized<T>(T state) => fixture.SiloSerializer.SerializeToArray(state);
}
