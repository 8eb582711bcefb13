using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Xunit;

namespace Actors.Detection.Tests.Parsing;

public sealed class ReadingParserFormatTests
{
    private readonly ReadingParser _parser = new(new ReadingParserOptions());

    [Fact]
    public void Manufacturing_line_record_gives_machine_product_time_and_metrics()
    {
        var reading = Accept("""{"timestamp": "2026-02-17 12:00:34", "machine_id": "M-001", "product_id": "B205", "thickness": 49.86, "line_speed": 50.2}"""u8);

        Assert.Equal("M-001", reading.DeviceId);
        Assert.Equal("B205", reading.ProductId);
        Assert.Equal(new DateTime(2026, 2, 17, 12, 0, 34, DateTimeKind.Utc), reading.Timestamp);
        Assert.Equal(DateTimeKind.Utc, reading.Timestamp.Kind);
        Assert.Equal([new Metric("thickness", 49.86), new Metric("line_speed", 50.2)], reading.Metrics);
    }

    [Fact]
    public void Temperature_sensor_record_keeps_microseconds_of_an_iso_time()
    {
        var reading = Accept("""{"temperature": 45.61, "timestamp": "2026-02-17T12:00:34.123456Z", "device_id": "sensor-7"}"""u8);

        Assert.Equal("sensor-7", reading.DeviceId);
        Assert.Null(reading.ProductId);
        Assert.Equal(new DateTime(2026, 2, 17, 12, 0, 34, DateTimeKind.Utc).AddTicks(1_234_560), reading.Timestamp);
        Assert.Equal(DateTimeKind.Utc, reading.Timestamp.Kind);
        Assert.Equal([new Metric("temperature", 45.61)], reading.Metrics);
    }

    [Fact]
    public void Multi_sensor_board_gives_every_numeric_field_in_order()
    {
        var reading = Accept("""{"device_id":"esp-1","timestamp":"2026-02-17T12:00:34+09:00","temperature":22.5,"humidity":41,"distance":120}"""u8);

        Assert.Equal("esp-1", reading.DeviceId);
        Assert.Equal(new DateTime(2026, 2, 17, 3, 0, 34, DateTimeKind.Utc), reading.Timestamp);
        Assert.Equal(
            [new Metric("temperature", 22.5), new Metric("humidity", 41), new Metric("distance", 120)],
            reading.Metrics);
    }

    [Fact]
    public void Gateway_envelope_takes_imsi_payload_metrics_and_payload_time()
    {
        var reading = Accept("""{"operatorId": "OP0059150966", "timestamp": 1491869809384, "imsi": "440103114938318", "imei": "359675070019530", "sourceProtocol": "tcp", "payloads": {"timestamp": "2017-04-02 23:49:03.986204", "temperature": 24, "humidity": 33}}"""u8);

        Assert.Equal("440103114938318", reading.DeviceId);
        Assert.Null(reading.ProductId);
        Assert.Equal(new DateTime(2017, 4, 2, 23, 49, 3, DateTimeKind.Utc).AddTicks(9_862_040), reading.Timestamp);
        Assert.Equal([new Metric("temperature", 24), new Metric("humidity", 33)], reading.Metrics);
    }

    [Fact]
    public void Gateway_imsi_wins_over_a_device_id_inside_the_payload()
    {
        var reading = Accept("""{"imsi": "440103114938318", "timestamp": 1491869809384, "payloads": {"device_id": "forged", "deviceId": 7, "temperature": 24}}"""u8);

        Assert.Equal("440103114938318", reading.DeviceId);
        Assert.Equal([new Metric("temperature", 24)], reading.Metrics);
    }

    [Fact]
    public void Gateway_envelope_may_put_payloads_before_imsi()
    {
        var reading = Accept("""{"payloads": {"device_id": "forged", "timestamp": "2017-04-02 23:49:03", "humidity": 33}, "imsi": "440103114938318", "imei": "359675070019530", "timestamp": 1491869809384}"""u8);

        Assert.Equal("440103114938318", reading.DeviceId);
        Assert.Equal(new DateTime(2017, 4, 2, 23, 49, 3, DateTimeKind.Utc), reading.Timestamp);
        Assert.Equal([new Metric("humidity", 33)], reading.Metrics);
    }

    [Fact]
    public void Gateway_envelope_without_payload_time_falls_back_to_epoch_milliseconds()
    {
        var reading = Accept("""{"operatorId": "OP1", "timestamp": 1491869809384, "imsi": "440103114938318", "payloads": {"temperature": 24}}"""u8);

        Assert.Equal(new DateTime(2017, 4, 11, 0, 16, 49, 384, DateTimeKind.Utc), reading.Timestamp);
        Assert.Equal(DateTimeKind.Utc, reading.Timestamp.Kind);
    }

    [Fact]
    public void Gateway_envelope_with_unparsable_payload_time_falls_back_to_epoch_milliseconds()
    {
        var reading = Accept("""{"timestamp": 1491869809384, "imsi": "4401", "payloads": {"timestamp": "yesterday", "temperature": 24}}"""u8);

        Assert.Equal(new DateTime(2017, 4, 11, 0, 16, 49, 384, DateTimeKind.Utc), reading.Timestamp);
    }

    [Fact]
    public void Gateway_envelope_metrics_come_only_from_the_payload()
    {
        var reading = Accept("""{"imsi": "4401", "timestamp": 1491869809384, "rssi": -71, "payloads": {"temperature": 24}}"""u8);

        Assert.Equal([new Metric("temperature", 24)], reading.Metrics);
    }

    [Fact]
    public void Gateway_envelope_numeric_imsi_is_taken_as_its_text()
    {
        var reading = Accept("""{"imsi": 440103114938318, "timestamp": 1491869809384, "payloads": {"temperature": 24}}"""u8);

        Assert.Equal("440103114938318", reading.DeviceId);
    }

    [Fact]
    public void Imsi_without_a_payload_object_is_not_a_device_id()
    {
        var outcome = _parser.Parse("""{"imsi": "4401", "timestamp": 1491869809384, "temperature": 24}"""u8);

        Assert.Equal(RejectReason.MissingDeviceId, outcome.Reason);
    }

    [Fact]
    public void Identity_fields_are_never_metrics()
    {
        var reading = Accept("""{"device_id": 17, "product_id": 205, "imei": 359675070019530, "operatorId": 5, "sourceProtocol": 1, "timestamp": 1491869809384, "speed": 3}"""u8);

        Assert.Equal("17", reading.DeviceId);
        Assert.Equal("205", reading.ProductId);
        Assert.Equal([new Metric("speed", 3)], reading.Metrics);
    }

    [Fact]
    public void Numeric_device_id_is_accepted_as_raw_text()
    {
        var reading = Accept("""{"device_id": 1024, "timestamp": "2026-02-17 12:00:34", "temperature": 1}"""u8);

        Assert.Equal("1024", reading.DeviceId);
    }

    [Fact]
    public void Device_id_fields_are_taken_in_configured_priority_not_document_order()
    {
        var reading = Accept("""{"machine_id": "M-9", "deviceId": "D-2", "device_id": "d-1", "timestamp": 1771329600000, "x": 1}"""u8);

        Assert.Equal("d-1", reading.DeviceId);
    }

    [Fact]
    public void Blank_higher_priority_device_id_gives_way_to_the_next_field()
    {
        var reading = Accept("""{"device_id": "  ", "machine_id": "M-9", "timestamp": 1771329600000, "x": 1}"""u8);

        Assert.Equal("M-9", reading.DeviceId);
    }

    [Fact]
    public void Product_id_is_read_from_the_alternative_field_name()
    {
        var reading = Accept("""{"deviceId": "d", "productId": "P-1", "timestamp": 1771329600000, "x": 1}"""u8);

        Assert.Equal("d", reading.DeviceId);
        Assert.Equal("P-1", reading.ProductId);
    }

    [Fact]
    public void Strings_booleans_nulls_arrays_and_objects_are_skipped_not_metrics()
    {
        var reading = Accept("""{"device_id": "d", "timestamp": 1771329600000, "status": "ok", "on": true, "off": false, "gone": null, "list": [1, 2], "nested": {"a": 1}, "value": -2.5e-3}"""u8);

        Assert.Equal([new Metric("value", -0.0025)], reading.Metrics);
    }

    [Fact]
    public void Repeated_metric_keeps_its_first_value()
    {
        var reading = Accept("""{"device_id": "d", "timestamp": 1771329600000, "t": 1, "t": 2}"""u8);

        Assert.Equal([new Metric("t", 1)], reading.Metrics);
    }

    [Fact]
    public void Escaped_names_and_values_are_unescaped()
    {
        var reading = Accept("""{"device\u005fid": "s\u00e9nsor\/1", "timestamp": "2026-02-17T12:00:34Z", "temp\u0065rature": 3}"""u8);

        Assert.Equal("sénsor/1", reading.DeviceId);
        Assert.Equal([new Metric("temperature", 3)], reading.Metrics);
    }

    [Fact]
    public void Fields_can_come_in_any_order_and_whitespace_is_allowed()
    {
        var reading = Accept("  {\r\n \"x\" : 1 ,\n\t\"timestamp\":\"2026-02-17 12:00:34\", \"device_id\":\"d\"}  "u8);

        Assert.Equal("d", reading.DeviceId);
        Assert.Equal([new Metric("x", 1)], reading.Metrics);
    }

    [Fact]
    public void Leading_utf8_bom_is_ignored()
    {
        var reading = Accept([0xEF, 0xBB, 0xBF, .. """{"device_id": "d", "timestamp": 1771329600000, "x": 1}"""u8]);

        Assert.Equal("d", reading.DeviceId);
    }

    [Fact]
    public void Epoch_milliseconds_may_come_as_a_digits_only_string()
    {
        var reading = Accept("""{"device_id": "d", "timestamp": "1491869809384", "x": 1}"""u8);

        Assert.Equal(new DateTime(2017, 4, 11, 0, 16, 49, 384, DateTimeKind.Utc), reading.Timestamp);
    }

    [Fact]
    public void Space_separated_time_with_offset_is_converted_to_utc()
    {
        var reading = Accept("""{"device_id": "d", "timestamp": "2026-02-17 12:00:34+09:00", "x": 1}"""u8);

        Assert.Equal(new DateTime(2026, 2, 17, 3, 0, 34, DateTimeKind.Utc), reading.Timestamp);
        Assert.Equal(DateTimeKind.Utc, reading.Timestamp.Kind);
    }

    [Fact]
    public void Custom_field_names_are_honoured()
    {
        var parser = new ReadingParser(new ReadingParserOptions
        {
            DeviceIdFields = ["serial"],
            TimestampFields = ["ts", "time"],
            IgnoredFields = ["rssi"],
        });

        var outcome = parser.Parse("""{"serial": "S-1", "time": "2026-02-17 12:00:34", "rssi": -70, "device_id": 3, "v": 9}"""u8);

        Assert.True(outcome.IsAccepted, outcome.Detail);
        Assert.Equal("S-1", outcome.Reading.DeviceId);
        Assert.Equal(new DateTime(2026, 2, 17, 12, 0, 34, DateTimeKind.Utc), outcome.Reading.Timestamp);
        Assert.Equal([new Metric("device_id", 3), new Metric("v", 9)], outcome.Reading.Metrics);
    }

    [Fact]
    public void Known_device_and_metric_names_are_interned()
    {
        var first = Accept("""{"device_id": "esp-1", "product_id": "B205", "timestamp": 1771329600000, "temperature": 1}"""u8);
        var second = Accept("""{"device_id": "esp-1", "product_id": "B205", "timestamp": 1771329600001, "temperature": 2}"""u8);

        Assert.Same(first.DeviceId, second.DeviceId);
        Assert.Same(first.ProductId, second.ProductId);
        Assert.Same(first.Metrics[0].Name, second.Metrics[0].Name);
    }

    [Fact]
    public void Interning_stops_at_its_capacity_but_parsing_goes_on()
    {
        var parser = new ReadingParser(new ReadingParserOptions { InternCacheCapacity = 2 });

        for (var i = 0; i < 5; i++)
        {
            var outcome = parser.Parse(System.Text.Encoding.UTF8.GetBytes($$"""{"device_id": "d{{i}}", "timestamp": 1771329600000, "m{{i}}": {{i}}}"""));
            Assert.True(outcome.IsAccepted, outcome.Detail);
            Assert.Equal($"d{i}", outcome.Reading.DeviceId);
            Assert.Equal(new Metric($"m{i}", i), Assert.Single(outcome.Reading.Metrics));
        }
        Assert.Equal(2, parser.CachedIdentities);
        Assert.Equal(2, parser.CachedNames);
    }

    [Fact]
    public void Steady_state_parse_of_a_known_device_allocates_only_the_reading_and_its_metrics()
    {
        var record = """{"timestamp": "2026-02-17 12:00:34", "machine_id": "M-001", "product_id": "B205", "thickness": 49.86, "line_speed": 50.2}"""u8.ToArray();
        for (var i = 0; i < 100; i++)
        {
            Assert.True(_parser.Parse(record).IsAccepted);
        }

        const int Runs = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Runs; i++)
        {
            _parser.Parse(record);
        }
        var perParse = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Runs;

        // Reading (~56 bytes) + Metric[2] (~56 bytes); anything per-field or per-string would push it well past this.
        Assert.True(perParse <= 128, $"allocated {perParse} bytes per parse");
    }

    [Fact]
    public void Parser_is_safe_to_share_across_threads()
    {
        var failures = 0;
        Parallel.For(0, 20_000, i =>
        {
            var device = $"dev-{i % 50}";
            var outcome = _parser.Parse(System.Text.Encoding.UTF8.GetBytes($$"""{"device_id": "{{device}}", "timestamp": {{1771329600000 + i}}, "v": {{i}}}"""));
            if (!outcome.IsAccepted || outcome.Reading.DeviceId != device || outcome.Reading.Metrics[0] != new Metric("v", i)
                || outcome.Reading.Timestamp != DateTime.UnixEpoch.AddMilliseconds(1771329600000 + i))
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }

    private Reading Accept(ReadOnlySpan<byte> json)
    {
        var outcome = _parser.Parse(json);
        Assert.True(outcome.IsAccepted, $"{outcome.Reason}: {outcome.Detail}");
        Assert.Equal(RejectReason.None, outcome.Reason);
        Assert.Null(outcome.Detail);
        return outcome.Reading;
    }
}
