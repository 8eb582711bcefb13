using System.Text;
using Actors.Detection.Parsing;
using Xunit;

namespace Actors.Detection.Tests.Parsing;

public sealed class ReadingParserRejectionTests
{
    private readonly ReadingParser _parser = new(new ReadingParserOptions());

    [Theory]
    [InlineData("""{"device_id": "d", "timestamp": 1, "t": NaN}""")]
    [InlineData("""{"device_id": "d", "timestamp": 1, "t": Infinity}""")]
    [InlineData("""{"device_id": "d", "timestamp": 1, "t": -Infinity}""")]
    [InlineData("""{"device_id": "d", "timestamp": 1, "t": 22.5""")]
    [InlineData("""{"device_id": "d", "timestamp": 1, "t": 22.5} x""")]
    [InlineData("""{"device_id": "d", "timestamp": 1, "t": 22.5}{}""")]
    [InlineData("""{"device_id": "d", "timestamp": 1, "t": 22.5,}""")]
    [InlineData("""{"device_id": "d", /* c */ "timestamp": 1, "t": 22.5}""")]
    [InlineData("""{'device_id': 'd'}""")]
    [InlineData("""{"device_id": "d" "timestamp": 1}""")]
    [InlineData("""[1, 2""")]
    [InlineData("{")]
    [InlineData("nul")]
    public void Invalid_json_is_malformed(string json)
    {
        var outcome = _parser.Parse(Encoding.UTF8.GetBytes(json));

        AssertRejected(outcome, RejectReason.MalformedJson);
        Assert.False(string.IsNullOrEmpty(outcome.Detail));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r")]
    public void Empty_line_is_malformed(string line)
    {
        var outcome = _parser.Parse(Encoding.UTF8.GetBytes(line));

        AssertRejected(outcome, RejectReason.MalformedJson);
        Assert.Equal("empty record", outcome.Detail);
    }

    [Fact]
    public void Binary_bytes_are_malformed()
    {
        var garbage = new byte[] { 0x00, 0xFF, 0xFE, 0x7B, 0x01, 0x80, 0xC3, 0x28 };

        AssertRejected(_parser.Parse(garbage), RejectReason.MalformedJson);
    }

    [Fact]
    public void Random_binary_never_escapes_as_an_exception()
    {
        var random = new Random(12345);
        var buffer = new byte[64];
        for (var i = 0; i < 2000; i++)
        {
            random.NextBytes(buffer);
            buffer[0] = (byte)'{';
            var outcome = _parser.Parse(buffer.AsSpan(0, random.Next(1, buffer.Length)));
            Assert.False(outcome.IsAccepted);
        }
    }

    [Fact]
    public void Invalid_utf8_in_a_device_id_is_malformed()
    {
        var record = "{\"device_id\": \"ab?\", \"timestamp\": 1, \"t\": 1}"u8.ToArray();
        record[Array.IndexOf(record, (byte)'?')] = 0xFF;

        AssertRejected(_parser.Parse(record), RejectReason.MalformedJson);
    }

    [Fact]
    public void Invalid_utf8_in_a_metric_name_is_malformed()
    {
        var record = "{\"device_id\": \"d\", \"timestamp\": 1, \"t?\": 1}"u8.ToArray();
        record[Array.IndexOf(record, (byte)'?')] = 0xC3;

        AssertRejected(_parser.Parse(record), RejectReason.MalformedJson);
    }

    [Fact]
    public void Too_deep_nesting_is_malformed()
    {
        var json = "{\"device_id\": \"d\", \"timestamp\": 1, \"t\": 1, \"x\": " + new string('[', 100) + new string(']', 100) + "}";

        AssertRejected(_parser.Parse(Encoding.UTF8.GetBytes(json)), RejectReason.MalformedJson);
    }

    [Theory]
    [InlineData("""[{"device_id": "d", "timestamp": 1, "t": 1}]""", "top-level value is an array")]
    [InlineData("42", "top-level value is a number")]
    [InlineData("\"text\"", "top-level value is a string")]
    [InlineData("true", "top-level value is a boolean")]
    [InlineData("null", "top-level value is null")]
    public void Top_level_array_or_scalar_is_not_an_object(string json, string detail)
    {
        var outcome = _parser.Parse(Encoding.UTF8.GetBytes(json));

        AssertRejected(outcome, RejectReason.NotAnObject);
        Assert.Equal(detail, outcome.Detail);
    }

    [Fact]
    public void Number_too_large_for_a_double_rejects_the_whole_record()
    {
        var outcome = _parser.Parse("""{"device_id": "d", "timestamp": 1, "ok": 1, "t": 1e400}"""u8);

        AssertRejected(outcome, RejectReason.NonFiniteMetric);
        Assert.Equal("t = 1e400 is not a finite number", outcome.Detail);
    }

    [Fact]
    public void Non_finite_number_in_an_envelope_payload_rejects_the_record()
    {
        var outcome = _parser.Parse("""{"imsi": "4401", "timestamp": 1, "payloads": {"humidity": -1e999, "temperature": 2}}"""u8);

        AssertRejected(outcome, RejectReason.NonFiniteMetric);
        Assert.Contains("humidity", outcome.Detail);
    }

    [Fact]
    public void Strings_only_is_no_finite_metric()
    {
        var outcome = _parser.Parse("""{"device_id": "d", "timestamp": 1, "temperature": "22.5", "humidity": "40"}"""u8);

        AssertRejected(outcome, RejectReason.NoFiniteMetric);
    }

    [Fact]
    public void Nulls_only_is_no_finite_metric()
    {
        AssertRejected(
            _parser.Parse("""{"device_id": "d", "timestamp": 1, "temperature": null, "humidity": null}"""u8),
            RejectReason.NoFiniteMetric);
    }

    [Fact]
    public void Arrays_and_objects_only_is_no_finite_metric()
    {
        AssertRejected(
            _parser.Parse("""{"device_id": "d", "timestamp": 1, "temperature": [22.5, 23], "humidity": {"value": 40}}"""u8),
            RejectReason.NoFiniteMetric);
    }

    [Fact]
    public void Identity_and_time_fields_only_is_no_finite_metric()
    {
        AssertRejected(
            _parser.Parse("""{"device_id": "d", "product_id": 5, "timestamp": 1, "imei": 359675070019530}"""u8),
            RejectReason.NoFiniteMetric);
    }

    [Fact]
    public void Envelope_with_empty_payload_is_no_finite_metric()
    {
        var outcome = _parser.Parse("""{"imsi": "4401", "timestamp": 1, "temperature": 3, "payloads": {}}"""u8);

        AssertRejected(outcome, RejectReason.NoFiniteMetric);
        Assert.Contains("payloads", outcome.Detail);
    }

    [Fact]
    public void Missing_device_id_is_rejected()
    {
        var outcome = _parser.Parse("""{"timestamp": "2026-02-17 12:00:34", "temperature": 1}"""u8);

        AssertRejected(outcome, RejectReason.MissingDeviceId);
        Assert.Contains("device_id", outcome.Detail);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("\"\\t\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("{\"id\": \"d\"}")]
    [InlineData("[\"d\"]")]
    public void Empty_or_non_text_device_id_is_missing(string value)
    {
        var outcome = _parser.Parse(Encoding.UTF8.GetBytes($$"""{"device_id": {{value}}, "timestamp": 1, "t": 1}"""));

        AssertRejected(outcome, RejectReason.MissingDeviceId);
    }

    [Fact]
    public void Envelope_without_imsi_does_not_trust_a_payload_device_id()
    {
        var outcome = _parser.Parse("""{"timestamp": 1, "payloads": {"device_id": "forged", "temperature": 2}}"""u8);

        AssertRejected(outcome, RejectReason.MissingDeviceId);
        Assert.Contains("imsi", outcome.Detail);
    }

    [Fact]
    public void Missing_time_is_rejected()
    {
        var outcome = _parser.Parse("""{"device_id": "d", "temperature": 1}"""u8);

        AssertRejected(outcome, RejectReason.MissingTimestamp);
        Assert.Contains("timestamp", outcome.Detail);
    }

    [Fact]
    public void Null_time_is_missing()
    {
        AssertRejected(_parser.Parse("""{"device_id": "d", "timestamp": null, "t": 1}"""u8), RejectReason.MissingTimestamp);
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"2026-02-30 12:00:00\"")]
    [InlineData("\"2026-13-01 12:00:00\"")]
    [InlineData("\"2026-02-17 24:00:00\"")]
    [InlineData("\"2026-02-17 12:60:00\"")]
    [InlineData("\"2026-02-17 12:00:60\"")]
    [InlineData("\"2026-02-17\"")]
    [InlineData("\"2026-02-17 12:00\"")]
    [InlineData("\"2026/02/17 12:00:00\"")]
    [InlineData("\"2026-02-17 12:00:34.\"")]
    [InlineData("\"2026-02-17 12:00:34.1234567890\"")]
    [InlineData("\"2026-02-17 12:00:34+15:00\"")]
    [InlineData("\"2026-02-17 12:00:34+09:60\"")]
    [InlineData("\"2026-02-17 12:00:34 +09:00\"")]
    [InlineData("\"2026-02-17T12:00:34ZZ\"")]
    [InlineData("\"\"")]
    [InlineData("\"-5\"")]
    [InlineData("\"99999999999999999999\"")]
    [InlineData("true")]
    [InlineData("[1]")]
    [InlineData("{\"ms\": 1}")]
    [InlineData("1e300")]
    [InlineData("253402300800000")]
    public void Unrecognized_time_is_unparsable_and_the_detail_names_the_value(string value)
    {
        var outcome = _parser.Parse(Encoding.UTF8.GetBytes($$"""{"device_id": "d", "timestamp": {{value}}, "t": 1}"""));

        AssertRejected(outcome, RejectReason.UnparsableTimestamp);
        Assert.Equal($"timestamp = {value} is not a recognized time", outcome.Detail);
    }

    [Fact]
    public void Envelope_with_no_parsable_time_anywhere_names_the_payload_value()
    {
        var outcome = _parser.Parse("""{"imsi": "4401", "timestamp": "never", "payloads": {"timestamp": "soon", "t": 1}}"""u8);

        AssertRejected(outcome, RejectReason.UnparsableTimestamp);
        Assert.Equal("timestamp = \"soon\" is not a recognized time", outcome.Detail);
    }

    [Fact]
    public void Missing_device_id_is_reported_before_a_bad_time()
    {
        AssertRejected(_parser.Parse("""{"timestamp": "bad", "t": 1}"""u8), RejectReason.MissingDeviceId);
    }

    private static void AssertRejected(ParseOutcome outcome, RejectReason reason)
    {
        Assert.False(outcome.IsAccepted);
        Assert.Null(outcome.Reading);
        Assert.Equal(reason, outcome.Reason);
    }
}
