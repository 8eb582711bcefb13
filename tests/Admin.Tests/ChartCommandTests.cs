using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Admin.Tests.Seed;

namespace Actors.Admin.Tests;

[Collection(AdminClusterCollection.Name)]
public sealed class ChartCommandTests(AdminClusterFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("admin-charts-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(string Device, string Product)> SeedAsync()
    {
        var device = UniqueId("dev");
        var product = UniqueId("prod");
        await ImportAsync(fixture.Client, product, Limits(product));
        var readings = Enumerable.Range(0, 40)
            .Select(i => At(device, i, product, ("thickness", i == 30 ? 52.0 : 50 + 0.3 * Math.Sin(i))))
            .ToArray();
        await fixture.Client.GetGrain<IProductGrain>(product).Accumulate(new ProductBatch
        {
            Source = "test",
            Readings = readings,
            Positions = [.. readings.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))],
        });
        await fixture.Client.GetGrain<IDeviceGrain>(device).Judge(readings);
        return (device, product);
    }

    [Fact]
    public async Task Product_chart_writes_an_svg_with_the_points_limits_and_the_violation_marked()
    {
        var (device, product) = await SeedAsync();
        var file = Path.Combine(_directory, "chart.svg");

        var json = (await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null,
            "product", "chart", product, "--metric", "thickness", "--device", device, "--out", file, "--json")).Json();

        Assert.Equal(40, json.GetProperty("points").GetInt32());
        Assert.Equal("2026-02-17", json.GetProperty("date").GetString());
        Assert.Equal(51.5, json.GetProperty("limits").GetProperty("uclI").GetDouble());
        var violation = Assert.Single(json.GetProperty("violations").EnumerateArray());
        Assert.Equal("P", violation.GetProperty("label").GetString());
        Assert.Equal(52.0, violation.GetProperty("value").GetDouble());
        var svg = await File.ReadAllTextAsync(file);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("UCL 51.5", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Device_chart_finds_the_product_of_the_latest_reading_and_writes_a_png()
    {
        var (device, _) = await SeedAsync();
        var file = Path.Combine(_directory, "chart.png");

        var run = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "device", "chart", device, "--metric", "thickness", "--out", file);

        Assert.Contains("40 points of thickness", run.Output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    [Fact]
    public async Task A_chart_with_no_points_exits_2_and_a_bad_file_type_exits_4()
    {
        var (_, product) = await SeedAsync();

        var none = await AdminRunner.ExpectAsync(ExitCodes.UnknownId, fixture.Client, null,
            "product", "chart", product, "--metric", "line_speed", "--out", Path.Combine(_directory, "none.svg"));
        var badType = await AdminRunner.ExpectAsync(ExitCodes.BadInput, fixture.Client, null,
            "product", "chart", product, "--metric", "thickness", "--out", Path.Combine(_directory, "chart.jpg"));
        var badDate = await AdminRunner.ExpectAsync(ExitCodes.BadInput, fixture.Client, null,
            "product", "chart", product, "--metric", "thickness", "--date", "17.02.2026", "--out", Path.Combine(_directory, "chart.svg"));

        Assert.Contains("no points of 'line_speed'", none.Error, StringComparison.Ordinal);
        Assert.Contains("must end in .svg or .png", badType.Error, StringComparison.Ordinal);
        Assert.Contains("is not a date of the form yyyy-MM-dd", badDate.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "none.svg")));
    }
}
