using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Admin.Tests.Seed;

namespace Actors.Admin.Tests;

[Collection(AdminClusterCollection.Name)]
public sealed class AlertsListTests(AdminClusterFixture fixture)
{
    /// <summary>Two devices on different notifier shards, both making product <c>product</c>; threshold breaches at 5 s (first), 7 s and 9 s (second).</summary>
    private async Task<(string First, string Second, string Product)> SeedAsync()
    {
        var product = UniqueId("alp");
        var first = UniqueId("ala");
        string second;
        do
        {
            second = UniqueId("alb");
        }
        while (NotifierShard.For(second, 4) == NotifierShard.For(first, 4));
        await UseRulesAsync(fixture.Client, new ThresholdRule { Metric = "temperature", Upper = 30, ProductId = product });
        await fixture.Client.GetGrain<IDeviceGrain>(first).Judge([At(first, 4, product, ("temperature", 20)), At(first, 5, product, ("temperature", 35))]);
        await fixture.Client.GetGrain<IDeviceGrain>(second).Judge([At(second, 7, product, ("temperature", 37)), At(second, 9, product, ("temperature", 39))]);
        await fixture.Client.GetGrain<IDeviceGrain>(first).Persist();
        await fixture.Client.GetGrain<IDeviceGrain>(second).Persist();
        return (first, second, product);
    }

    private static List<(string Device, double Value)> Alerts(AdminRun run) =>
        run.Json().GetProperty("alerts").EnumerateArray()
            .Select(a => (a.GetProperty("deviceId").GetString()!, a.GetProperty("measuredValue").GetDouble()))
            .ToList();

    [Fact]
    public async Task Alerts_of_all_shards_are_merged_newest_first()
    {
        var (first, second, product) = await SeedAsync();

        var run = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alerts", "list", "--product", product, "--json");

        Assert.Equal([(second, 39), (second, 37), (first, 35)], Alerts(run));
        var json = run.Json();
        Assert.Equal(4, json.GetProperty("shardsQueried").GetInt32());
        Assert.Equal(3, json.GetProperty("count").GetInt32());
        var newest = json.GetProperty("alerts")[0];
        Assert.Equal("Threshold", newest.GetProperty("anomalyType").GetString());
        Assert.Equal(Start.AddSeconds(9), newest.GetProperty("targetTime").GetDateTime().ToUniversalTime());
        Assert.Equal(product, newest.GetProperty("productId").GetString());
        Assert.Equal("temperature", newest.GetProperty("metric").GetString());
    }

    [Fact]
    public async Task Filters_by_device_type_since_and_limit()
    {
        var (first, second, product) = await SeedAsync();

        var byDevice = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alerts", "list", "--device", first, "--json");
        var since = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alerts", "list", "--product", product, "--since", "2026-02-17 12:00:06", "--json");
        var limited = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alerts", "list", "--product", product, "--type", "threshold", "--limit", "1", "--json");
        var otherType = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alerts", "list", "--product", product, "--type", "Confirmed", "--json");

        Assert.Equal([(first, 35)], Alerts(byDevice));
        Assert.Equal([(second, 39), (second, 37)], Alerts(since));
        Assert.Equal([(second, 39)], Alerts(limited));
        Assert.Empty(Alerts(otherType));
    }

    [Fact]
    public async Task Bad_filter_values_are_bad_input()
    {
        var badSince = await AdminRunner.ExpectAsync(ExitCodes.BadInput, fixture.Client, null, "alerts", "list", "--since", "yesterday");
        var badType = await AdminRunner.ExpectAsync(ExitCodes.BadInput, fixture.Client, null, "alerts", "list", "--type", "Bogus");
        var badLimit = await AdminRunner.ExpectAsync(ExitCodes.BadInput, fixture.Client, null, "alerts", "list", "--limit", "0");

        Assert.Contains("'yesterday' is not a time", badSince.Error);
        Assert.Contains("Bogus", badType.Error);
        Assert.Contains("--limit 0", badLimit.Error);
    }
}
