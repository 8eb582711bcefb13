using System.Text;
using Amazon.DynamoDBv2.Model;
using Xunit;

namespace Actors.Persistence.DynamoDB.Tests;

/// <summary>Item sizes and write request units by the rules and examples of DynamoDB's developer guide.</summary>
public sealed class DynamoDBItemSizeTests
{
    [Fact]
    public void The_guides_shirt_example_is_23_bytes()
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["shirt-color"] = new() { S = "R" },
            ["shirt-size"] = new() { S = "M" },
        };

        Assert.Equal(23, DynamoDBItemSize.Of(item));
    }

    [Theory]
    [InlineData("Harry", 5)]
    [InlineData("Größe", 7)]
    [InlineData("温度", 6)]
    [InlineData("", 0)]
    public void A_string_counts_its_utf8_bytes(string value, int bytes)
    {
        Assert.Equal(bytes, DynamoDBItemSize.Of(new AttributeValue { S = value }));
        Assert.Equal("name".Length + bytes, DynamoDBItemSize.Of(new Dictionary<string, AttributeValue> { ["name"] = new() { S = value } }));
    }

    [Theory]
    [InlineData("1", 2)]
    [InlineData("12", 2)]
    [InlineData("123", 3)]
    [InlineData("12345", 4)]
    [InlineData("100000", 2)]
    [InlineData("0.00100", 2)]
    [InlineData("-120.50", 3)]
    [InlineData("1.5E+10", 2)]
    [InlineData("12345678901234567890123456789012345678", 20)]
    public void A_number_counts_one_byte_per_two_significant_digits_plus_one(string number, int bytes)
    {
        Assert.Equal(bytes, DynamoDBItemSize.Of(new AttributeValue { N = number }));
    }

    [Fact]
    public void A_binary_counts_its_raw_bytes_not_its_base64_text()
    {
        var raw = Encoding.UTF8.GetBytes("0123456789");

        Assert.Equal(10, DynamoDBItemSize.Of(new AttributeValue { B = new MemoryStream(raw) }));
    }

    [Fact]
    public void A_boolean_or_null_is_one_byte()
    {
        Assert.Equal(1, DynamoDBItemSize.Of(new AttributeValue { BOOL = true }));
        Assert.Equal(1, DynamoDBItemSize.Of(new AttributeValue { NULL = true }));
    }

    [Fact]
    public void A_list_or_map_is_three_bytes_plus_one_byte_and_the_size_of_each_element()
    {
        Assert.Equal(3, DynamoDBItemSize.Of(new AttributeValue { L = [] }));
        Assert.Equal(3, DynamoDBItemSize.Of(new AttributeValue { M = [] }));
        Assert.Equal(3 + (1 + 2) + (1 + 2), DynamoDBItemSize.Of(new AttributeValue { L = [new() { S = "ab" }, new() { N = "12" }] }));
        Assert.Equal(3 + (1 + 3 + 5), DynamoDBItemSize.Of(new AttributeValue { M = new() { ["key"] = new() { S = "value" } } }));
        Assert.Equal(3 + (1 + 1 + 3 + (1 + 1)), DynamoDBItemSize.Of(new AttributeValue { M = new() { ["m"] = new() { L = [new() { BOOL = false }] } } }));
    }

    [Fact]
    public void A_set_is_the_sum_of_its_elements()
    {
        Assert.Equal(2 + 3, DynamoDBItemSize.Of(new AttributeValue { SS = ["ab", "cde"] }));
        Assert.Equal(2 + 3, DynamoDBItemSize.Of(new AttributeValue { NS = ["1", "123"] }));
        Assert.Equal(4 + 1, DynamoDBItemSize.Of(new AttributeValue { BS = [new MemoryStream(new byte[4]), new MemoryStream(new byte[1])] }));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(23, 1)]
    [InlineData(500, 1)]
    [InlineData(1024, 1)]
    [InlineData(1025, 2)]
    [InlineData(3584, 4)]
    [InlineData(400 * 1024, 400)]
    public void A_write_costs_one_unit_per_started_kilobyte_and_at_least_one(int itemBytes, int units)
    {
        Assert.Equal(units, DynamoDBItemSize.WriteUnits(itemBytes));
    }
}
