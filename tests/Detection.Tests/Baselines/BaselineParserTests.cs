using System.Text.Json.Nodes;
using Actors.Detection.Baselines;
using Actors.Grains.Interfaces;
using Xunit;

namespace Actors.Detection.Tests.Baselines;

public sealed class BaselineParserTests
{
    private const string Valid =
        """{"product_id": "B205", "date_key": "2026-02-17", "metric": "line_speed", "mean": 50.0, "std_dev": 0.5, "count": 120, "ucl_i": 51.5, "lcl_i": 48.5, "ucl_x": 50.67, "lcl_x": 49.33}""";

    private static string With(string field, JsonNode? value)
    {
        var line = JsonNode.Parse(Valid)!.AsObject();
        line[field] = value;
        return line.ToJsonString();
    }

    private static string Without(params string[] fields)
    {
        var line = JsonNode.Parse(Valid)!.AsObject();
        foreach (var field in fields)
        {
            line.Remove(field);
        }
        return line.ToJsonString();
    }

    private static string Rejection(string line) => Assert.Throws<FormatException>(() => BaselineParser.Parse(line)).Message;

    [Fact]
    public void A_valid_line_becomes_imported_limits_as_stated()
    {
        var limits = BaselineParser.Parse(Valid);

        Assert.Equal("B205", limits.ProductId);
        Assert.Equal("line_speed", limits.Metric);
        Assert.Equal(new DateOnly(2026, 2, 17), limits.Date);
        Assert.Equal(50.0, limits.Mean);
        Assert.Equal(0.5, limits.StdDev);
        Assert.Equal(120, limits.Count);
        Assert.Equal(51.5, limits.UclI);
        Assert.Equal(48.5, limits.LclI);
        Assert.Equal(50.67, limits.UclX);
        Assert.Equal(49.33, limits.LclX);
        Assert.Equal(LimitSource.Imported, limits.Source);
    }

    [Fact]
    public void The_seed_format_without_metric_or_count_charts_thickness()
    {
        var limits = BaselineParser.Parse(Without("metric", "count"));

        Assert.Equal(BaselineParser.DefaultMetric, limits.Metric);
        Assert.Equal(0, limits.Count);
    }

    [Fact]
    public void Unknown_members_are_ignored()
    {
        Assert.Equal("B205", BaselineParser.Parse(With("note", "from the lab")).ProductId);
    }

    [Theory]
    [InlineData("product_id")]
    [InlineData("date_key")]
    [InlineData("mean")]
    [InlineData("std_dev")]
    [InlineData("ucl_i")]
    [InlineData("lcl_i")]
    [InlineData("ucl_x")]
    [InlineData("lcl_x")]
    public void A_missing_required_member_is_named(string field)
    {
        Assert.Contains($"'{field}'", Rejection(Without(field)));
    }

    [Theory]
    [InlineData("product_id")]
    [InlineData("date_key")]
    [InlineData("mean")]
    [InlineData("std_dev")]
    [InlineData("ucl_i")]
    public void A_null_required_member_is_named(string field)
    {
        Assert.Contains(field, Rejection(With(field, null)));
    }

    [Theory]
    [InlineData("product_id", "42")]
    [InlineData("date_key", "20260217")]
    [InlineData("date_key", "\"17.02.2026\"")]
    [InlineData("date_key", "\"2026-02-30\"")]
    [InlineData("metric", "7")]
    [InlineData("mean", "\"50.0\"")]
    [InlineData("std_dev", "true")]
    [InlineData("count", "1.5")]
    [InlineData("ucl_x", "[50.67]")]
    [InlineData("lcl_x", "{}")]
    public void A_member_of_the_wrong_type_is_named(string field, string json)
    {
        Assert.Contains($"$.{field}", Rejection(With(field, JsonNode.Parse(json))));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("\"B205\"")]
    [InlineData("null")]
    public void A_line_that_is_not_a_json_object_is_rejected(string line)
    {
        Rejection(line);
    }

    [Fact]
    public void An_empty_product_id_is_rejected()
    {
        Assert.StartsWith("'product_id' is not valid", Rejection(With("product_id", " ")));
    }

    [Theory]
    [InlineData("lcl_i", 52.0, "lcl_i 52 exceeds ucl_i 51.5")]
    [InlineData("lcl_x", 51.0, "lcl_x 51 exceeds ucl_x 50.67")]
    public void Inverted_limits_are_rejected_naming_both(string field, double value, string reason)
    {
        var message = Rejection(With(field, value));

        Assert.StartsWith($"'{field}' is not valid", message);
        Assert.Contains(reason, message);
    }

    [Fact]
    public void Equal_lower_and_upper_limits_are_accepted()
    {
        Assert.Equal(51.5, BaselineParser.Parse(With("lcl_i", 51.5)).LclI);
    }

    [Fact]
    public void A_negative_standard_deviation_is_rejected()
    {
        Assert.StartsWith("'std_dev' is not valid", Rejection(With("std_dev", -0.5)));
    }

    [Fact]
    public void A_negative_count_is_rejected()
    {
        Assert.StartsWith("'count' is not valid", Rejection(With("count", -1)));
    }

    [Theory]
    [InlineData("mean", "1e400")]
    [InlineData("std_dev", "-1e400")]
    [InlineData("ucl_i", "\"Infinity\"")]
    [InlineData("lcl_x", "\"NaN\"")]
    public void Non_finite_numbers_are_rejected(string field, string json)
    {
        Assert.Contains(field, Rejection(With(field, JsonNode.Parse(json))));
    }

    [Fact]
    public void An_absurdly_nested_line_is_rejected_for_its_depth()
    {
        var depth = 100_000;
        var line = Valid.TrimEnd('}') + ", \"extra\": " + new string('[', depth) + new string(']', depth) + "}";

        Assert.Contains("depth", Rejection(line));
    }

    [Fact]
    public void A_huge_line_is_read_like_any_other()
    {
        Assert.Equal("B205", BaselineParser.Parse(With("note", new string('n', 10_000_000))).ProductId);
    }
}
