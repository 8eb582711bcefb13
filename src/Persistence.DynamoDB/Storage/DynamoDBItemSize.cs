using System.Text;
using Amazon.DynamoDBv2.Model;

namespace Actors.Persistence.DynamoDB;

/// <summary>
/// The size of an item and the write request units a write of it costs, by DynamoDB's published rules: the item is the
/// sum of its attribute names (UTF-8 bytes) and values; a string counts its UTF-8 bytes, a binary its raw bytes, a
/// number 1 byte per two significant digits plus 1, a Boolean or null 1 byte, a list or map 3 bytes plus 1 byte and
/// the size of each element (a map's element includes its name), a set the sizes of its elements. A write costs 1 WRU
/// per started KB, at least 1.
/// </summary>
public static class DynamoDBItemSize
{
    /// <summary>The bytes one write request unit covers.</summary>
    public const int BytesPerWriteUnit = 1024;

    /// <summary>The size of an item in bytes.</summary>
    public static int Of(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Sum(attribute => Encoding.UTF8.GetByteCount(attribute.Key) + Of(attribute.Value));
    }

    /// <summary>The size of one attribute value in bytes, without its name.</summary>
    public static int Of(AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            { S: { } text } => Encoding.UTF8.GetByteCount(text),
            { N: { } number } => NumberSize(number),
            { B: { } bytes } => checked((int)bytes.Length),
            { SS: { } strings } => strings.Sum(Encoding.UTF8.GetByteCount),
            { NS: { } numbers } => numbers.Sum(NumberSize),
            { BS: { } blobs } => blobs.Sum(blob => checked((int)blob.Length)),
            { L: { } list } => 3 + list.Sum(element => 1 + Of(element)),
            { M: { } map } => 3 + map.Sum(element => 1 + Encoding.UTF8.GetByteCount(element.Key) + Of(element.Value)),
            _ => 1,
        };
    }

    /// <summary>The write request units a write of an item of <paramref name="itemBytes"/> bytes costs: 1 per started KB, at least 1.</summary>
    public static int WriteUnits(int itemBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemBytes);
        return Math.Max(1, (itemBytes + BytesPerWriteUnit - 1) / BytesPerWriteUnit);
    }

    /// <summary>1 byte per two significant digits (leading and trailing zeros trimmed) plus 1.</summary>
    private static int NumberSize(string number)
    {
        var mantissa = number.AsSpan();
        var exponent = mantissa.IndexOfAny('e', 'E');
        if (exponent >= 0)
        {
            mantissa = mantissa[..exponent];
        }
        var significant = 0;
        var zerosSinceLastNonZero = 0;
        foreach (var c in mantissa)
        {
            if (c == '0')
            {
                zerosSinceLastNonZero += significant > 0 ? 1 : 0;
            }
            else if (char.IsAsciiDigit(c))
            {
                significant += zerosSinceLastNonZero + 1;
                zerosSinceLastNonZero = 0;
            }
        }
        return (significant + 1) / 2 + 1;
    }
}
