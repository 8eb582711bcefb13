using System.Globalization;
using System.Text.RegularExpressions;
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

    /// <summary>
    /// 40 values of the charted metric around 50 (sd 0.5): a sustained shift to 50.8 at values 10 to 19 (two subgroups
    /// beyond UCL-X, EWMA and CUSUM signals) and a jump to 52 at value 30 (moving ranges of 2 beyond UCL-MR 1.84).
    /// </summary>
    private async Task<(string Device, string Product, Reading[] Readings)> SeedChartedAsync()
    {
        var device = UniqueId("dev");
        var product = UniqueId("prod");
        var metric = AdminClusterFixture.ChartedMetric;
        await ImportAsync(fixture.Client, product, Limits(product, metric));
        var readings = Enumerable.Range(0, 40)
            .Select(i => At(device, i, product, (metric, i == 30 ? 52.0 : i is >= 10 and < 20 ? 50.8 : 50 + 0.3 * Math.Sin(i))))
            .ToArray();
        await fixture.Client.GetGrain<IProductGrain>(product).Accumulate(new ProductBatch
        {
            Source = "test",
            Readings = readings,
            Positions = [.. readings.Select((_, i) => (i + 1).ToString(CultureInfo.InvariantCulture))],
        });
        await fixture.Client.GetGrain<IDeviceGrain>(device).Judge(readings);
        return (device, product, readings);
    }

    [Theory]
    [InlineData("individuals", ChartKind.Individuals, 40, "UCL", "6")]
    [InlineData("mr", ChartKind.MovingRange, 39, "UCL", "MR")]
    [InlineData("xbar", ChartKind.XBar, 8, "UCL", "X")]
    [InlineData("ewma", ChartKind.Ewma, 40, "UCL", "E")]
    [InlineData("cusum", ChartKind.Cusum, 40, "H", "C+")]
    public async Task Each_chart_is_drawn_with_its_limits_and_labelled_violations_from_the_grain_s_chart(
        string option, ChartKind kind, int points, string upperName, string label)
    {
        var (device, product, _) = await SeedChartedAsync();
        var file = Path.Combine(_directory, $"{option}.svg");
        var chart = await fixture.Client.GetGrain<IProductGrain>(product).GetChart(AdminClusterFixture.ChartedMetric, device, null, kind);

        var json = (await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null,
            "product", "chart", product, "--metric", AdminClusterFixture.ChartedMetric, "--device", device, "--chart", option, "--out", file, "--json")).Json();

        Assert.Equal(kind.ToString(), json.GetProperty("chart").GetString());
        Assert.Equal(points, json.GetProperty("points").GetInt32());
        Assert.Equal(chart.Points[^1].Upper, json.GetProperty("upper").GetDouble());
        var labels = json.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("label").GetString()).ToArray();
        Assert.Contains(label, labels);
        Assert.Equal(chart.Violations.Select(v => v.Label), labels);
        Assert.Equal(chart.Violations.Select(v => v.Value), json.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("value").GetDouble()));
        var svg = await File.ReadAllTextAsync(file);
        var upper = chart.Points.Select(p => p.Upper!.Value).Distinct().ToArray();
        Assert.Contains(upper.Length == 1
            ? $"{upperName} {Number(upper[0])}"
            : $"{upperName} {Number(upper[0])} to {Number(upper[^1])}", svg, StringComparison.Ordinal);
        var texts = Regex.Matches(svg, @"<text[^>]*>\s*([^<]*?)\s*</text>").Select(m => m.Groups[1].Value).ToHashSet();
        foreach (var marked in chart.Violations.GroupBy(v => (v.Index, v.Value)))
        {
            Assert.Contains(string.Join(",", marked.Select(v => v.Label).Distinct()), texts);
        }
    }

    [Fact]
    public async Task The_charts_plot_what_plain_loops_over_the_values_give()
    {
        var (device, product, readings) = await SeedChartedAsync();
        var grain = fixture.Client.GetGrain<IProductGrain>(product);
        var x = readings.Select(r => r.Metrics[0].Value).ToArray();
        const double mean = 50, sigma = 0.5;

        var ranges = await grain.GetChart(AdminClusterFixture.ChartedMetric, device, null, ChartKind.MovingRange);
        var xbar = await grain.GetChart(AdminClusterFixture.ChartedMetric, device, null, ChartKind.XBar);
        var ewma = await grain.GetChart(AdminClusterFixture.ChartedMetric, device, null, ChartKind.Ewma);
        var cusum = await grain.GetChart(AdminClusterFixture.ChartedMetric, device, null, ChartKind.Cusum);

        Assert.Equal(x.Skip(1).Select((v, i) => Math.Abs(v - x[i])), ranges.Points.Select(p => p.Value), Tolerance);
        Assert.Equal([29, 30], ranges.Violations.Select(v => v.Index));
        Assert.Equal(x.Chunk(5).Select(c => c.Average()), xbar.Points.Select(p => p.Value), Tolerance);
        Assert.Equal([2, 3], xbar.Violations.Where(v => v.Label == "X").Select(v => v.Index));
        var weights = Enumerable.Range(1, x.Length).Select(t => Enumerable.Range(0, t).Sum(j => 0.2 * Math.Pow(0.8, j) * x[t - 1 - j]) + Math.Pow(0.8, t) * mean);
        Assert.Equal(weights, ewma.Points.Select(p => p.Value), Tolerance);
        Assert.Equal(mean + 3 * sigma * Math.Sqrt(0.2 / 1.8 * (1 - Math.Pow(0.8, 2 * 40))), ewma.Points[^1].Upper!.Value, 9);
        var (up, down, signals) = (0.0, 0.0, new List<int>());
        for (var i = 0; i < x.Length; i++)
        {
            (up, down) = (Math.Max(0, up + x[i] - mean - 0.5 * sigma), Math.Max(0, down + mean - 0.5 * sigma - x[i]));
            Assert.Equal(up, cusum.Points[i].Value, 9);
            Assert.Equal(-down, cusum.LowerPoints[i].Value, 9);
            if (up > 5 * sigma || down > 5 * sigma)
            {
                signals.Add(i);
                (up, down) = (0, 0);
            }
        }
        Assert.NotEmpty(signals);
        Assert.Equal(signals, cusum.Violations.Select(v => v.Index));
    }

    private static readonly IEqualityComparer<double> Tolerance = EqualityComparer<double>.Create((a, b) => Math.Abs(a - b) < 1e-9, v => 0);

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
