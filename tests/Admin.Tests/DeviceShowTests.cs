using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Admin.Tests.Seed;

namespace Actors.Admin.Tests;

[Collection(AdminClusterCollection.Name)]
public sealed class DeviceShowTests(AdminClusterFixture fixture)
{
    private async Task<(string Device, string Product)> SeedDeviceAsync()
    {
        var device = UniqueId("dev");
        var product = UniqueId("prod");
        await UseRulesAsync(fixture.Client, new ThresholdRule { Metric = "temperature", Upper = 30, DeviceId = device });
        await ImportAsync(fixture.Client, product, Limits(product));
        var result = await fixture.Client.GetGrain<IDeviceGrain>(device).Judge([
            At(device, 0, product, ("temperature", 25), ("thickness", 50.0)),
            At(device, 1, product, ("temperature", 31), ("thickness", 50.1)),
            At(device, 2, product, ("temperature", 26), ("thickness", 49.9)),
            At(device, 3, product, ("temperature", 27), ("thickness", 51.6)),
        ]);
        Assert.Equal(2, result.Anomalies.Length);
        await fixture.Client.GetGrain<IDeviceGrain>(device).Persist();
        return (device, product);
    }

    [Fact]
    public async Task Json_shows_the_last_reading_windows_series_counters_and_anomalies_that_were_seeded()
    {
        var (device, product) = await SeedDeviceAsync();

        var json = (await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "device", "show", device, "--json")).Json();

        Assert.Equal(device, json.GetProperty("deviceId").GetString());
        Assert.Equal(4, json.GetProperty("accepted").GetInt64());
        Assert.Equal(0, json.GetProperty("duplicates").GetInt64());
        var last = json.GetProperty("lastReading");
        Assert.Equal(Start.AddSeconds(3), last.GetProperty("timestamp").GetDateTime().ToUniversalTime());
        Assert.Equal(product, last.GetProperty("productId").GetString());
        Assert.Equal(27, last.GetProperty("metrics").GetProperty("temperature").GetDouble());
        Assert.Equal(51.6, last.GetProperty("metrics").GetProperty("thickness").GetDouble());

        var counts = json.GetProperty("anomalyCounts");
        Assert.Equal(1, counts.GetProperty("Threshold").GetInt64());
        Assert.Equal(1, counts.GetProperty("Provisional").GetInt64());
        Assert.Equal(0, counts.GetProperty("ZScore").GetInt64());
        Assert.Equal(0, counts.GetProperty("Confirmed").GetInt64());

        var windows = json.GetProperty("openWindows").EnumerateArray().ToList();
        Assert.Equal(["temperature", "thickness"], windows.Select(w => w.GetProperty("metric").GetString()));
        Assert.All(windows, w =>
        {
            Assert.Equal(4, w.GetProperty("count").GetInt32());
            Assert.Equal(Start, w.GetProperty("start").GetDateTime().ToUniversalTime());
            Assert.Equal(Start.AddSeconds(20), w.GetProperty("end").GetDateTime().ToUniversalTime());
        });
        Assert.Equal(27.25, windows[0].GetProperty("mean").GetDouble(), 9);

        var series = json.GetProperty("xBarSeries").EnumerateArray().ToList();
        Assert.Equal(["temperature", "thickness"], series.Select(s => s.GetProperty("metric").GetString()));
        Assert.All(series, s => Assert.Equal(product, s.GetProperty("productId").GetString()));
        Assert.Equal([50.0, 50.1, 49.9, 51.6], series[1].GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(50.4, series[1].GetProperty("mean").GetDouble(), 9);

        var anomalies = json.GetProperty("recentAnomalies").EnumerateArray().ToList();
        Assert.Equal(["Provisional", "Threshold"], anomalies.Select(a => a.GetProperty("anomalyType").GetString()));
        Assert.Equal(51.6, anomalies[0].GetProperty("measuredValue").GetDouble());
        Assert.Equal(51.5, anomalies[0].GetProperty("upperLimit").GetDouble());
        Assert.Equal("2026-02-17", anomalies[0].GetProperty("baselineRef").GetString());
        Assert.Equal(31, anomalies[1].GetProperty("measuredValue").GetDouble());
        Assert.Equal(30, anomalies[1].GetProperty("upperLimit").GetDouble());
        Assert.Equal(Start.AddSeconds(1), anomalies[1].GetProperty("targetTime").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task Without_json_it_renders_tables_with_the_same_facts()
    {
        var (device, product) = await SeedDeviceAsync();

        var run = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "device", "show", device);

        Assert.Contains($"Device {device}", run.Output);
        Assert.Contains("Last reading at 2026-02-17 12:00:03 ", run.Output);
        Assert.Contains(product, run.Output);
        Assert.Contains("Provisional", run.Output);
        Assert.Contains("temperature >= 30", run.Output);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => run.Json());
    }

    [Fact]
    public async Task An_unknown_device_exits_2_with_a_message_naming_it()
    {
        var device = UniqueId("ghost");

        var run = await AdminRunner.ExpectAsync(ExitCodes.UnknownId, fixture.Client, null, "device", "show", device, "--json");

        Assert.Contains($"unknown device '{device}'", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Json_shows_the_chart_state_and_recent_points_of_each_charted_series()
    {
        var device = UniqueId("dev");
        var product = UniqueId("prod");
        const string metric = AdminClusterFixture.ChartedMetric;
        const double mean = 50, sigma = 0.5;
        await ImportAsync(fixture.Client, product, Limits(product, metric));
        var x = Enumerable.Range(0, 23).Select(i => mean + 0.3 * Math.Sin(i) + (i >= 15 ? 0.6 : 0)).ToArray();
        var readings = x.Select((v, i) => At(device, i, product, (metric, v))).ToArray();
        await fixture.Client.GetGrain<IProductGrain>(product).Accumulate(new ProductBatch
        {
            Source = "test",
            Readings = readings,
            Positions = [.. readings.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))],
        });
        await fixture.Client.GetGrain<IDeviceGrain>(device).Judge(readings);

        var json = (await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "device", "show", device, "--json")).Json();

        var chart = Assert.Single(json.GetProperty("charts").EnumerateArray());
        Assert.Equal(product, chart.GetProperty("productId").GetString());
        Assert.Equal(metric, chart.GetProperty("metric").GetString());
        Assert.Equal("2026-02-17", chart.GetProperty("limitsDate").GetString());
        var side = Math.Sign(x[^1] - mean);
        Assert.Equal(side * x.Reverse().TakeWhile(v => Math.Sign(v - mean) == side).Count(), chart.GetProperty("sameSide").GetInt32());
        Assert.Equal(x.Length % 5, chart.GetProperty("subgroupCount").GetInt32());
        Assert.Equal(x[^(x.Length % 5)..].Average(), chart.GetProperty("subgroupMean").GetDouble(), 9);
        Assert.Equal(x[^1], chart.GetProperty("lastValue").GetDouble());
        Assert.Equal(x.Aggregate(mean, (z, v) => 0.2 * v + 0.8 * z), chart.GetProperty("ewma").GetDouble(), 9);
        Assert.Equal(x.Length, chart.GetProperty("ewmaPoints").GetInt32());
        var (up, down) = (0.0, 0.0);
        foreach (var v in x)
        {
            (up, down) = (Math.Max(0, up + v - mean - 0.5 * sigma), Math.Max(0, down + mean - 0.5 * sigma - v));
            if (up > 5 * sigma || down > 5 * sigma)
            {
                (up, down) = (0, 0);
            }
        }
        Assert.Equal(up, chart.GetProperty("cusumUpper").GetDouble(), 9);
        Assert.Equal(down, chart.GetProperty("cusumLower").GetDouble(), 9);
        Assert.Equal(x[^10..], chart.GetProperty("recentPoints").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()));

        var text = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "device", "show", device);
        Assert.Contains("Charts (run-rule counters", text.Output, StringComparison.Ordinal);
    }
}
