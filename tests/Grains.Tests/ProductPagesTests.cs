using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using Actors.Grains.Product;
using Actors.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Serialization;
using Orleans.TestingHost;
using Xunit;
using static Actors.Grains.Tests.TestReadings;

namespace Actors.Grains.Tests;

/// <summary>
/// A product's state is a small head and pages (an hour of history each, the limits, the chart points): a checkpoint
/// writes the pages that changed and the head, a failed head write leaves the last written state whole, and a state
/// stored before pages existed reads back and moves into pages. Has its own two-silo cluster because it kills a silo.
/// </summary>
public sealed class ProductPagesTests : IAsyncLifetime
{
    private const string Source = "shard-1";
    private const string Metric = "thickness";
    private TestCluster _cluster = null!;

    private string ClusterId => _cluster.Options.ClusterId;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifier:Sinks:0"] = "recording",
            ["Spc:ChartWriteInterval"] = "01:00:00",
        }));
        builder.AddSiloBuilderConfigurator<ProcessWideStorageSiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_checkpoint_writes_the_hours_that_changed_and_a_small_head_and_everything_reads_back()
    {
        var product = _cluster.Client.GetGrain<IProductGrain>(UniqueId("pages"));
        var readings = ThreeHours(product.GetPrimaryKeyString());
        await product.Accumulate(Batch(readings, first: 1));
        Assert.Equal(PersistResult.Written, (await product.Persist(new() { [Source] = Position(readings.Length) })).Result);
        Assert.Equal((3L, 1L, 1L, 0L), Writes());
        Assert.InRange(Assert.IsType<byte[]>(ProcessWideGrainStorage.Stored(ClusterId, "product", product.GetGrainId())).Length, 1, 1024);

        var limits = await product.GetLimits(DateOnly.FromDateTime(Start).AddDays(1));
        Assert.Single(limits);
        Assert.Equal((3L, 2L, 1L, 1L), Writes());

        var late = new[] { At("M-1", 3 * 3600 - 1, Metric, 50.5, product.GetPrimaryKeyString()) };
        await product.Accumulate(Batch(late, first: readings.Length + 1));
        Assert.Equal(PersistResult.Written, (await product.Persist(new() { [Source] = Position(readings.Length + 1) })).Result);
        Assert.Equal((4L, 3L, 1L, 1L), Writes());

        var before = await product.GetSnapshot();
        var chartBefore = await product.GetChart(Metric, null, null);
        await DeactivateAsync(product);

        var after = await product.GetSnapshot();
        Assert.Equal(readings.Length + 1, after.Readings);
        Assert.Equal(before.Aggregates, after.Aggregates);
        Assert.Equal(before.Limits, after.Limits);
        Assert.Equal(chartBefore.Points, (await product.GetChart(Metric, null, null)).Points);
    }

    [Fact]
    public async Task A_sources_last_checkpoint_writes_the_chart_points_however_recently_they_were_written()
    {
        var product = _cluster.Client.GetGrain<IProductGrain>(UniqueId("last"));
        var readings = ThreeHours(product.GetPrimaryKeyString());
        await product.Accumulate(Batch(readings, first: 1));
        await product.Persist(new() { [Source] = Position(readings.Length) });
        Assert.Equal(1L, Writes().Chart);

        var late = new[] { At("M-1", 3 * 3600 - 1, Metric, 50.5, product.GetPrimaryKeyString()) };
        await product.Accumulate(Batch(late, first: readings.Length + 1));
        Assert.Equal(PersistResult.Written, (await product.Persist(new() { [Source] = Position(readings.Length + 1) }, withChart: true)).Result);
        Assert.Equal(2L, Writes().Chart);

        Assert.Equal(PersistResult.Unchanged, (await product.Persist(new() { [Source] = Position(readings.Length + 1) }, withChart: true)).Result);
        Assert.Equal((4L, 2L, 2L, 0L), Writes());
    }

    [Fact]
    public async Task After_a_failed_head_write_and_a_silo_crash_the_product_reads_back_its_last_written_state_whole()
    {
        var (product, silo) = await ProductOnSecondarySiloAsync();
        var readings = ThreeHours(product.GetPrimaryKeyString());
        await product.Accumulate(Batch(readings[..10], first: 1));
        Assert.Equal(PersistResult.Written, (await product.Persist(new() { [Source] = Position(10) })).Result);
        await product.Accumulate(Batch(readings[10..15], first: 11));
        using (ProcessWideGrainStorage.FailWrites(ClusterId, "product"))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => product.Persist(new() { [Source] = Position(15) }));
        }

        await _cluster.KillSiloAsync(silo);

        var snapshot = await product.GetSnapshot();
        Assert.Equal(10, snapshot.Readings);
        Assert.Equal(10, Assert.Single(snapshot.Aggregates).Count);
    }

    [Fact]
    public async Task A_product_stored_in_one_record_by_an_earlier_version_reads_back_and_moves_into_pages()
    {
        var product = _cluster.Client.GetGrain<IProductGrain>(UniqueId("legacy"));
        var readings = ThreeHours(product.GetPrimaryKeyString());
        var settings = new SpcOptions();
        var chartPoints = new ChartPointBook();
        var stored = new ProductState { Limits = new LimitBook(), ChartPoints = chartPoints };
        for (var i = 0; i < readings.Length; i++)
        {
            stored.History.Add(readings[i]);
            chartPoints.Add(readings[i], settings);
            stored.Sources.Advance(Source, Position(i + 1));
        }
        var serializer = Assert.IsType<InProcessSiloHandle>(_cluster.Primary).SiloHost.Services.GetRequiredService<Serializer>();
        ProcessWideGrainStorage.Put(ClusterId, "product", product.GetGrainId(), serializer.SerializeToArray(stored));

        var before = await product.GetSnapshot();
        Assert.Equal(readings.Length, before.Readings);
        Assert.Equal(readings.Length, Assert.Single(before.Aggregates).Count);
        var chart = await product.GetChart(Metric, "M-1", null);
        Assert.Equal(settings.ChartPoints, chart.Points.Length);

        var next = new[] { At("M-1", 3 * 3600, Metric, 50, product.GetPrimaryKeyString()) };
        await product.Accumulate(Batch(next, first: readings.Length + 1));
        Assert.Equal(PersistResult.Written, (await product.Persist(new() { [Source] = Position(readings.Length + 1) })).Result);
        var head = Assert.IsType<ProductState>(serializer.Deserialize<ProductState>(ProcessWideGrainStorage.Stored(ClusterId, "product", product.GetGrainId())!));
        Assert.Null(head.Limits);
        Assert.Null(head.ChartPoints);
        Assert.Equal(0, head.History.Buckets);
        Assert.Equal(4, head.HistoryPages.Starts.Count());

        await DeactivateAsync(product);

        var after = await product.GetSnapshot();
        Assert.Equal(readings.Length + 1, after.Readings);
        Assert.Equal(readings.Length + 1, Assert.Single(after.Aggregates).Count);
        var points = (await product.GetChart(Metric, "M-1", chart.Date)).Points;
        Assert.Equal(chart.Points[1..].Select(p => (p.Time, p.Value)), points[..^1].Select(p => (p.Time, p.Value)));
        Assert.Equal((next[0].Timestamp, 50.0), (points[^1].Time, points[^1].Value));
    }

    /// <summary>Three devices, one reading each a minute, for three hours from <see cref="Start"/>.</summary>
    private static Reading[] ThreeHours(string productId) =>
        [.. Enumerable.Range(0, 180).SelectMany(minute => Enumerable.Range(1, 3).Select(device =>
            At($"M-{device}", minute * 60 + device, Metric, 50 + ((minute * 7 + device) % 11 / 10.0), productId)))];

    private static ProductBatch Batch(Reading[] readings, int first) => new()
    {
        Source = Source,
        Readings = readings,
        Positions = [.. Enumerable.Range(first, readings.Length).Select(Position)],
    };

    private static string Position(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes so far of the product's history pages, heads, chart points and limits in this cluster.</summary>
    private (long History, long Head, long Chart, long Limits) Writes() => (
        ProcessWideGrainStorage.Writes(ClusterId, "product-history"),
        ProcessWideGrainStorage.Writes(ClusterId, "product"),
        ProcessWideGrainStorage.Writes(ClusterId, "product-chart"),
        ProcessWideGrainStorage.Writes(ClusterId, "product-limits"));

    private async Task DeactivateAsync(IProductGrain product)
    {
        await product.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Eventually.Until(async () =>
            !(await _cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics()).Any(s => s.GrainId == product.GetGrainId()),
            TimeSpan.FromSeconds(30), "the product to deactivate");
    }

    private async Task<(IProductGrain Product, SiloHandle Silo)> ProductOnSecondarySiloAsync()
    {
        var secondary = _cluster.SecondarySilos[0];
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var product = _cluster.Client.GetGrain<IProductGrain>(UniqueId("crash"));
            await product.GetSnapshot();
            var statistics = await management.GetDetailedGrainStatistics();
            if (statistics.Any(s => s.GrainId == product.GetGrainId() && s.SiloAddress.Equals(secondary.SiloAddress)))
            {
                return (product, secondary);
            }
        }
        throw new InvalidOperationException("no product grain was placed on the secondary silo in 100 tries");
    }
}
