using Xunit;
using Actors.Grains.Interfaces;
using static Actors.Grains.Tests.TestReadings;

namespace Actors.Grains.Tests;

/// <summary>
/// Issue 12, item 3: a reading dated in the first or last days of the calendar (which the parser rejects, but which a
/// caller of the grains can still send) is judged or set aside without an exception, and the product grain answers for
/// any date.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExtremeDateTests(ClusterFixture fixture)
{
    public static TheoryData<DateOnly> Dates => [DateOnly.MinValue, new DateOnly(1, 1, 14), DateOnly.MaxValue.AddDays(-1), DateOnly.MaxValue];

    [Theory]
    [MemberData(nameof(Dates))]
    public async Task Product_grain_serves_limits_for_any_date(DateOnly date)
    {
        var product = fixture.Grains.GetGrain<IProductGrain>(UniqueId("edge"));

        Assert.Empty(await product.GetLimits(date));
    }

    [Theory]
    [InlineData(1, 1, 5)]
    [InlineData(9999, 12, 31)]
    public async Task Device_judges_a_first_reading_at_either_end_of_the_calendar(int year, int month, int day)
    {
        var deviceId = UniqueId("edge");
        var productId = UniqueId("edge-p");
        var reading = new Reading
        {
            DeviceId = deviceId,
            ProductId = productId,
            Timestamp = new DateTime(year, month, day, 12, 0, 0, DateTimeKind.Utc),
            Metrics = [new Metric("thickness", 50)],
        };
        await fixture.Grains.GetGrain<IProductGrain>(productId).Accumulate(new ProductBatch { Source = "test", Readings = [reading], Positions = ["1"] });

        var result = await fixture.Grains.GetGrain<IDeviceGrain>(deviceId).Judge([reading]);

        Assert.Equal(1, result.Accepted);
    }
}
