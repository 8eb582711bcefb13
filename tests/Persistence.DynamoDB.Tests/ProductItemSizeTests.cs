using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using Actors.Grains.Product;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Xunit;

namespace Actors.Persistence.DynamoDB.Tests;

/// <summary>
/// A product's item, written through the provider into moto's DynamoDB (which refuses items over 400 KB) and read
/// back, does not grow with the number of devices that make the product.
/// </summary>
[Collection(DynamoDBCollection.Name)]
[Trait("Service", "moto")]
public sealed class ProductItemSizeTests(DynamoDBClusterFixture fixture)
{
    private const string Product = "B205";
    private static readonly DateTime Midnight = new(2026, 2, 17, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_product_made_by_100_000_devices_persists_and_reloads_in_an_item_no_larger_than_with_100_devices()
    {
        var few = await WriteProductAsync(devices: 100);
        var fleet = await WriteProductAsync(devices: 100_000);

        Assert.InRange(fleet.ItemSize, 1, few.ItemSize + 64);
        Assert.Equal(100_000 * 4, fleet.Reloaded.History.Readings);
        Assert.NotNull(fleet.Reloaded.History.MovingRangeBar("thickness", Midnight, Midnight.AddDays(1)));
        Assert.Equal(Serialized(fleet.Written), Serialized(fleet.Reloaded));
    }

    /// <summary>
    /// Four readings a device, one every 15 s, every device in turn, as one product grain would count them: with the
    /// moving ranges each device answers (none for its first reading).
    /// </summary>
    private async Task<(ProductState Written, ProductState Reloaded, int ItemSize)> WriteProductAsync(int devices)
    {
        var settings = new SpcOptions();
        var state = new ProductState();
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
                state.History.Add(reading, movingRanges);
                state.ChartPoints.Add(reading, settings);
            }
        }

        state.History.Prune(SpcCalendar.Utc, settings);
        var grainId = GrainId.Create("product", $"{Product}-{devices}-{Guid.NewGuid():N}");
        await (await fixture.SiloStorageAsync()).WriteStateAsync("product", grainId, new GrainState<ProductState>(state));
        var item = await fixture.StoredItemAsync("product", grainId);
        var reloaded = new GrainState<ProductState>(new ProductState());
        await (await fixture.SiloStorageAsync()).ReadStateAsync("product", grainId, reloaded);
        return (state, reloaded.State!, DynamoDBItemSize.Of(item));
    }

    private byte[] Serialized<T>(T state) => fixture.SiloSerializer.SerializeToArray(state);
}
