using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Admin.Tests.Seed;

namespace Actors.Admin.Tests;

[Collection(AdminClusterCollection.Name)]
public sealed class ProductCommandTests(AdminClusterFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("admin-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string File(params string[] lines)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.ndjson");
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    private static string Line(string product, string date = "2026-02-17", string metric = "thickness", double mean = 50.0) =>
        $$"""{"product_id": "{{product}}", "date_key": "{{date}}", "metric": "{{metric}}", "mean": {{mean}}, "std_dev": 0.5, "ucl_i": {{mean + 1.5}}, "lcl_i": {{mean - 1.5}}, "ucl_x": {{mean + 0.67}}, "lcl_x": {{mean - 0.67}}}""";

    private async Task<ControlLimits[]> LimitsOf(string product) => (await fixture.Client.GetGrain<IProductGrain>(product).GetSnapshot()).Limits;

    [Fact]
    public async Task Show_reports_imported_limits_with_their_source_and_the_aggregates()
    {
        var device = UniqueId("dev");
        var product = UniqueId("prod");
        await ImportAsync(fixture.Client, product, Limits(product), Limits(product, "line_speed", 20) with { Date = Day.AddDays(-1) });
        await fixture.Client.GetGrain<IProductGrain>(product).Accumulate(new ProductBatch
        {
            Source = "test",
            Readings = [At(device, 0, product, ("thickness", 49.0)), At(device, 1, product, ("thickness", 51.0)), At(device, 2, product, ("thickness", 50.0))],
            Positions = ["1", "2", "3"],
        });

        var json = (await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "product", "show", product, "--json")).Json();

        Assert.Equal(product, json.GetProperty("productId").GetString());
        Assert.Equal(3, json.GetProperty("readings").GetInt64());
        var limits = json.GetProperty("limits").EnumerateArray().ToList();
        Assert.Equal(["2026-02-17", "2026-02-16"], limits.Select(l => l.GetProperty("date").GetString()));
        Assert.Equal(["thickness", "line_speed"], limits.Select(l => l.GetProperty("metric").GetString()));
        Assert.All(limits, l => Assert.Equal("Imported", l.GetProperty("source").GetString()));
        Assert.Equal(51.5, limits[0].GetProperty("uclI").GetDouble());
        Assert.Equal(49.33, limits[0].GetProperty("lclX").GetDouble(), 9);
        var aggregate = Assert.Single(json.GetProperty("aggregates").EnumerateArray());
        Assert.Equal("thickness", aggregate.GetProperty("metric").GetString());
        Assert.Equal(3, aggregate.GetProperty("count").GetInt64());
        Assert.Equal(50.0, aggregate.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(1.0, aggregate.GetProperty("stdDev").GetDouble(), 9);
    }

    [Fact]
    public async Task Show_of_an_unknown_product_exits_2()
    {
        var product = UniqueId("nothing");

        var run = await AdminRunner.ExpectAsync(ExitCodes.UnknownId, fixture.Client, null, "product", "show", product);

        Assert.Contains($"unknown product '{product}'", run.Error);
    }

    [Fact]
    public async Task Import_with_the_secret_stores_every_line_in_its_product()
    {
        var first = UniqueId("imp");
        var second = UniqueId("imp");
        var path = File(Line(first), "", Line(first, "2026-02-18", mean: 51), Line(second, metric: "line_speed", mean: 20));

        var json = (await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, AdminClusterFixture.Secret, "product", "limits", "import", path, "--json")).Json();

        Assert.True(json.GetProperty("applied").GetBoolean());
        Assert.Equal(3, json.GetProperty("imported").GetInt32());
        Assert.Equal(0, json.GetProperty("rejected").GetInt32());
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), json.GetProperty("products").EnumerateArray().Select(p => p.GetString()));
        var limits = await LimitsOf(first);
        Assert.Equal([new DateOnly(2026, 2, 18), Day], limits.Select(l => l.Date).OrderDescending());
        Assert.All(limits, l => Assert.Equal(LimitSource.Imported, l.Source));
        Assert.Equal(52.5, limits.Single(l => l.Date == new DateOnly(2026, 2, 18)).UclI);
        Assert.Equal("line_speed", Assert.Single(await LimitsOf(second)).Metric);
    }

    [Fact]
    public async Task A_rejected_line_stops_the_import_and_is_reported_with_its_line_number()
    {
        var product = UniqueId("bad");
        var path = File(Line(product), """{"product_id": "x", "date_key": "17.02.2026"}""", Line(product, "2026-02-18"));

        var run = await AdminRunner.ExpectAsync(ExitCodes.BadInput, fixture.Client, AdminClusterFixture.Secret, "product", "limits", "import", path, "--json");

        Assert.Contains("line 2", run.Error);
        Assert.Contains("nothing imported", run.Error);
        var json = run.Json();
        Assert.False(json.GetProperty("applied").GetBoolean());
        var rejected = Assert.Single(json.GetProperty("rejectedLines").EnumerateArray());
        Assert.Equal(2, rejected.GetProperty("line").GetInt32());
        Assert.Contains("date_key", rejected.GetProperty("reason").GetString());
        Assert.Empty(await LimitsOf(product));
    }

    [Fact]
    public async Task Inverted_limits_and_a_negative_std_dev_are_rejected_naming_the_field()
    {
        var product = UniqueId("inverted");
        var path = File(Line(product), Line(product, "2026-02-18").Replace("\"lcl_i\": 48.5", "\"lcl_i\": 52"), Line(product, "2026-02-19").Replace("\"std_dev\": 0.5", "\"std_dev\": -0.5"));

        var run = await AdminRunner.ExpectAsync(ExitCodes.BadInput, fixture.Client, AdminClusterFixture.Secret, "product", "limits", "import", path, "--json");

        Assert.Contains("nothing imported", run.Error);
        var rejected = run.Json().GetProperty("rejectedLines").EnumerateArray().ToList();
        Assert.Equal([2, 3], rejected.Select(r => r.GetProperty("line").GetInt32()));
        Assert.Contains("lcl_i 52 exceeds ucl_i 51.5", rejected[0].GetProperty("reason").GetString());
        Assert.StartsWith("'std_dev' is not valid", rejected[1].GetProperty("reason").GetString());
        Assert.Empty(await LimitsOf(product));
    }

    [Fact]
    public async Task With_skip_invalid_the_valid_lines_are_imported_and_the_rejected_ones_reported()
    {
        var product = UniqueId("skip");
        var path = File(Line(product), "not json", Line(product, "2026-02-18"));

        var json = (await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, AdminClusterFixture.Secret,
            "product", "limits", "import", path, "--skip-invalid", "--json")).Json();

        Assert.Equal(2, json.GetProperty("imported").GetInt32());
        Assert.Equal(1, json.GetProperty("rejected").GetInt32());
        Assert.Equal(2, Assert.Single(json.GetProperty("rejectedLines").EnumerateArray()).GetProperty("line").GetInt32());
        Assert.Equal(2, (await LimitsOf(product)).Length);
    }

    [Fact]
    public async Task Import_without_the_secret_is_refused_and_changes_nothing()
    {
        var product = UniqueId("nosecret");
        var path = File(Line(product));

        var run = await AdminRunner.ExpectAsync(ExitCodes.Refused, fixture.Client, null, "product", "limits", "import", path);

        Assert.Contains("IProductGrain.ImportLimits refused: the call carried no admin secret", run.Error);
        Assert.Contains("Admin__Secret", run.Error);
        Assert.Empty(await LimitsOf(product));
    }

    [Fact]
    public async Task Import_with_a_wrong_secret_is_refused_and_changes_nothing()
    {
        var product = UniqueId("wrong");
        await ImportAsync(fixture.Client, product, Limits(product, mean: 10));
        var path = File(Line(product, mean: 50));

        var run = await AdminRunner.ExpectAsync(ExitCodes.Refused, fixture.Client, AdminClusterFixture.Secret + "x", "product", "limits", "import", path);

        Assert.Contains("admin secret presented is wrong", run.Error);
        Assert.Equal(10, Assert.Single(await LimitsOf(product)).Mean);
    }

    [Fact]
    public async Task A_missing_file_is_bad_input()
    {
        var path = Path.Combine(_directory, "missing.ndjson");

        var run = await AdminRunner.ExpectAsync(ExitCodes.BadInput, fixture.Client, AdminClusterFixture.Secret, "product", "limits", "import", path);

        Assert.Contains($"file not found: {path}", run.Error);
    }
}
