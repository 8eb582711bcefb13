using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace Actors.TestSupport;

/// <summary>
/// Property-based generators of NDJSON input, valid or not: records of the accepted formats over a few devices and days
/// (in and out of order, repeated), and every way they go wrong in the field: truncation, random bytes, bit flips,
/// any year, any epoch milliseconds, huge, empty and control-character IDs, non-finite numbers, wrong types, nesting.
/// </summary>
public static class RecordGen
{
    private static readonly DateTime Base = new(2026, 2, 14, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A device ID: usually one of a few, sometimes anything.</summary>
    public static Gen<string> Identity(string prefix) => Gen.Frequency(
        (8, Gen.Int[1, 4].Select(i => $"{prefix}d{i}")),
        (1, Gen.String[0, 40].Select(s => prefix + s)),
        (1, Gen.Int[100, 3000].Select(n => prefix + new string('x', n))));

    /// <summary>A time field's JSON value: usually within four days, sometimes any year, any epoch milliseconds, or not a time.</summary>
    public static Gen<string> Timestamp { get; } = Gen.Frequency(
        (8, Gen.Int[0, 4 * 86_400].Select(s => Quoted(Base.AddSeconds(s).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)))),
        (1, Gen.DateTime.Select(t => Quoted(t.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)))),
        (1, Gen.Long.Select(ms => ms.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.OneOf(Gen.Const("null"), Gen.Const("\"\""), Gen.Const("true"), Gen.Const("[]"), Gen.Const("-62135596800000"), Gen.Const("\"0001-01-01 00:00:00\""), Gen.Const("\"9999-12-31 23:59:59\""))));

    /// <summary>A metric's JSON value: usually a plain number, sometimes extreme or not a number at all.</summary>
    public static Gen<string> MetricValue { get; } = Gen.Frequency(
        (8, Gen.Double[-100, 100].Select(v => v.ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.OneOf(Gen.Const("1e400"), Gen.Const("-1e400"), Gen.Const("NaN"), Gen.Const("\"12\""), Gen.Const("null"), Gen.Const("{\"a\":1}"), Gen.Const("1.7976931348623157e308"))));

    /// <summary>One record as a JSON text: a flat record, a gateway envelope, or one with fields missing.</summary>
    public static Gen<string> Record(string prefix) => Gen.Frequency(
        (6, Gen.Select(Identity(prefix), Gen.Bool, Timestamp, MetricValue, MetricValue, (device, withProduct, time, a, b) =>
            $"{{\"device_id\": {Quoted(device)}, {(withProduct ? $"\"product_id\": {Quoted(prefix + "B205")}, " : "")}\"timestamp\": {time}, \"temperature\": {a}, \"thickness\": {b}}}")),
        (1, Gen.Select(Identity(prefix), Timestamp, MetricValue, (device, time, a) =>
            $"{{\"operatorId\": \"OP1\", \"timestamp\": 1491869809384, \"imsi\": {Quoted(device)}, \"payloads\": {{\"timestamp\": {time}, \"humidity\": {a}}}}}")),
        (1, Gen.Select(Identity(prefix), MetricValue, (device, a) => $"{{\"device_id\": {Quoted(device)}, \"t\": {a}}}")),
        (1, Gen.Select(Timestamp, MetricValue, (time, a) => $"{{\"timestamp\": {time}, \"t\": {a}}}")));

    /// <summary>One NDJSON line's bytes (no line break): a record, damaged or not, or garbage.</summary>
    public static Gen<byte[]> Line(string prefix) => Gen.Frequency(
        (10, Record(prefix).Select(Encoding.UTF8.GetBytes)),
        (2, Gen.Select(Record(prefix), Gen.Double[0, 1], (record, cut) => Encoding.UTF8.GetBytes(record)[..(int)(record.Length * cut)])),
        (2, Gen.Select(Record(prefix), Gen.Int, (record, bit) => FlipBit(Encoding.UTF8.GetBytes(record), bit))),
        (1, Gen.Byte.Array[0, 64].Select(bytes => bytes.Select(b => b == (byte)'\n' ? (byte)' ' : b).ToArray())),
        (1, Gen.OneOf(Gen.Const(Array.Empty<byte>()), Gen.Const("[1,2]"u8.ToArray()), Gen.Const("{}"u8.ToArray()), Gen.Const("\"x\""u8.ToArray()))));

    /// <summary>A whole NDJSON input: lines joined by <c>\n</c> or <c>\r\n</c>; returns the bytes and the number of lines.</summary>
    public static Gen<(byte[] Input, int Lines)> Input(string prefix, int maxLines) =>
        Gen.Select(Line(prefix).Array[1, maxLines], Gen.Bool, (lines, crlf) =>
        {
            var input = new MemoryStream();
            foreach (var line in lines)
            {
                input.Write(line);
                input.Write(crlf ? "\r\n"u8 : "\n"u8);
            }
            return (input.ToArray(), lines.Length);
        });

    private static byte[] FlipBit(byte[] record, int bit)
    {
        if (record.Length > 0)
        {
            var position = (int)((uint)bit % (uint)(record.Length * 8));
            record[position / 8] ^= (byte)(1 << (position % 8));
            record[position / 8] = record[position / 8] == (byte)'\n' ? (byte)' ' : record[position / 8];
        }
        return record;
    }

    private static string Quoted(string value) => JsonSerializer.Serialize(value);
}
