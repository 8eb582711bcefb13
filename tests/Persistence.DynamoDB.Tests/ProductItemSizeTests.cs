using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using Actors.Grains.Product;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Xunit;

namespace Actors.Persistence.DynamoDB.Tests;

/// <summary>
/// A product's records (its head, an hour of history, its chart points), written through the provider into moto's
/// DynamoDB (which refuses items over 400 KB) and read back, do not grow with the number of devices that make the product.
/// </summary>
[Collection(DynamoDBCollection.Name)]
[Trait("Service", "moto")]
public sealed class ProductItemSizeTests(DynamoDBClusterFixture fixture)
{
    private const string Product = "B205";
    private static readonly DateTime Midnight = new(2026, 2, 17, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_product_made_by_100_000_devices_persists_and_reloads_in_items_no_larger_than_with_100_devices()
    {
        var few = await WriteProductAsync(devices: 100);
        var fleet = await WriteProductAsync(devices: 100_000);

        Assert.InRange(fleet.HeadSize, 1, few.HeadSize + 64);
        Assert.InRange(fleet.PageSize, 1, few.PageSize + 64);
        Assert.InRange(fleet.ChartSize, 1, few.ChartSize + 64);
        Assert.Equal(100_000 * 4, fleet.Reloaded.Readings);
        Assert.NotNull(fleet.Reloaded.MovingRangeBar("thickness", Midnight, Midnight.AddDays(1)));
        Assert.Equal(Serialized(fleet.Written), Serialized(fleet.Reloaded));
    }

    /// <summary>
    /// Four readings a device, one every 15 s, every device in turn, as one product grain would count them: with the
    /// moving ranges each device answers (none for its first reading). The history is written as a product grain writes
    /// it: its counts in the head, its buckets in the page of their hour.
    /// </summary>
    private async Task<(ProductHistory Written, ProductHistory Reloaded, int HeadSize, int PageSize, int ChartSize)> WriteProductAsync(int devices)
    {
        var settings = new SpcOptions();
        var history = new ProductHistory();
        var chart = new ChartPointBook();
        var random = new Random(5);
        var previous = new double[devices][];
        for (var round = 0; round < 4; round++)
        {
            for (var device = 0; device < devices; device++)
            {
                var reading = new Reading
                {
                    DeviceId = $"M-{device:D6}",
                    ProductId = Product,
                    Timestamp = Midnight.AddSeconds(round * 15).AddTicks(device),
                    Metrics = [new Metric("thickness", Math.Round(50 + random.NextDouble() - 0.5, 2)), new Metric("line_speed", Math.Round(50 + random.NextDouble() - 0.5, 2))],
                };
                var values = reading.Metrics.Select(metric => metric.Value).ToArray();
                var movingRanges = previous[device] is { } last ? values.Select((value, i) => Math.Abs(value - last[i])).ToArray() : null;
                previous[device] = values;
                history.Add(reading, movingRanges);
                chart.Add(reading, settings);
            }
        }

        history.Prune(SpcCalendar.Utc, settings);
        var key = $"{Product}-{devices}-{Guid.NewGuid():N}";
        var hour = Assert.Single(history.PageStarts());
        var head = new ProductState { History = history.WithoutBuckets(), HistoryPages = new HistoryPageSlots().With(hour, 0), Pages = { ["chart"] = 0 } };
        var headSize = await WriteAsync("product", key, head);
        var pageSize = await WriteAsync("product-history", $"{key}/history/{hour}/0", history.Page(hour));
        var chartSize = await WriteAsync("product-chart", $"{key}/chart/0", chart);

        var reloaded = (await ReadAsync<ProductState>("product", key)).History;
        reloaded.Load(await ReadAsync<ProductHistoryPage>("product-history", $"{key}/history/{hour}/0"));
        return (history, reloaded, headSize, pageSize, chartSize);
    }

    private async Task<int> WriteAsync<T>(string stateName, string key, T state)
    {
        var grainId = GrainId.Create(stateName, key);
        await (await fixture.SiloStorageAsync()).WriteStateAsync(stateName, grainId, new GrainState<T>(state));
        return DynamoDBItemSize.Of(await fixture.StoredItemAsync(stateName, grainId));
    }

    private async Task<T> ReadAsync<T>(string stateName, string key) where T : new()
    {
        var state = new GrainState<T>(new T());
        await (await fixture.SiloStorageAsync()).ReadStateAsync(stateName, GrainId.Create(stateName, key), state);
        Assert.True(state.RecordExists);
        return state.State!;
    }

    private byte[] Serialized<T>(T state) => fixture.SiloSerializer.SerializeToArray(state);
}
