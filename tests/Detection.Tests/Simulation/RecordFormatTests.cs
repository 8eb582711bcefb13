using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Actors.Simulation;
using Xunit;

namespace Actors.Detection.Tests.Simulation;

public sealed class RecordFormatTests
{
    private const string Number = @"-?\d+(\.\d{1,2})?";

    private static readonly List<SimulatedRecord> Records =
        SimulationRecords.Generate(new SimulationOptions { MalformedRate = 0 }, TimeSpan.FromMinutes(20));

    [Fact]
    public void Temperature_sensor_records_match_the_seed_format()
    {
        var records = Of("sensor-");
        Assert.Equal(3 * 1200, records.Count);
        foreach (var record in records)
        {
            Assert.Matches(
                new Regex($"^\\{{\"temperature\": {Number}, \"timestamp\": \"\\d{{4}}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{{6}}Z\", \"device_id\": \"sensor-\\d+\"\\}}$"),
                SimulationRecords.Text(record));
            using var document = JsonDocument.Parse(record.Payload);
            var root = document.RootElement;
            Assert.Equal(["temperature", "timestamp", "device_id"], Names(root));
            Assert.Equal(record.DeviceId, root.GetProperty("device_id").GetString());
            Assert.Equal(record.EventTime, ParseExact(root.GetProperty("timestamp"), "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"));
            AssertRoundTrips(root.GetProperty("temperature"));
        }
    }

    [Fact]
    public void Board_records_match_the_seed_format()
    {
        var records = Of("esp-");
        Assert.Equal(2 * 1200, records.Count);
        foreach (var record in records)
        {
            using var document = JsonDocument.Parse(record.Payload);
            var root = document.RootElement;
            Assert.Equal(["device_id", "timestamp", "temperature", "humidity", "distance"], Names(root));
            Assert.Equal(record.DeviceId, root.GetProperty("device_id").GetString());
            var time = DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture);
            Assert.Equal(TimeSpan.Zero, time.Offset);
            Assert.Equal(record.EventTime, time.UtcDateTime);
            AssertRoundTrips(root.GetProperty("temperature"));
            AssertRoundTrips(root.GetProperty("humidity"));
            AssertRoundTrips(root.GetProperty("distance"));
            Assert.InRange(root.GetProperty("distance").GetDouble(), 100, 140);
        }
    }

    [Fact]
    public void Gateway_records_are_envelopes_with_imsi_and_payloads()
    {
        var records = Of("4401031149383");
        Assert.Equal(1200, records.Count);
        foreach (var record in records)
        {
            Assert.Matches(new Regex("^4401031149383\\d\\d$"), record.DeviceId);
            using var document = JsonDocument.Parse(record.Payload);
            var root = document.RootElement;
            Assert.Equal(["operatorId", "timestamp", "imsi", "imei", "sourceProtocol", "payloads"], Names(root));
            Assert.Equal(record.DeviceId, root.GetProperty("imsi").GetString());
            Assert.Equal(15, root.GetProperty("imei").GetString()!.Length);
            Assert.Equal("tcp", root.GetProperty("sourceProtocol").GetString());
            var received = DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("timestamp").GetInt64()).UtcDateTime;
            Assert.InRange(received - record.EventTime, TimeSpan.Zero, TimeSpan.FromSeconds(1));

            var payload = root.GetProperty("payloads");
            Assert.Equal(["timestamp", "temperature", "humidity"], Names(payload));
            Assert.Equal(record.EventTime, ParseExact(payload.GetProperty("timestamp"), "yyyy-MM-dd HH:mm:ss.ffffff"));
            AssertRoundTrips(payload.GetProperty("temperature"));
            AssertRoundTrips(payload.GetProperty("humidity"));
        }
    }

    [Fact]
    public void Production_line_records_match_the_seed_format()
    {
        var records = Of("M-");
        Assert.Equal(4 * 1200, records.Count);
        foreach (var record in records)
        {
            Assert.Matches(
                new Regex($"^\\{{\"timestamp\": \"\\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\", \"machine_id\": \"M-\\d{{3}}\", \"product_id\": \"(B205|B206|C310)\", \"thickness\": {Number}, \"line_speed\": {Number}\\}}$"),
                SimulationRecords.Text(record));
            using var document = JsonDocument.Parse(record.Payload);
            var root = document.RootElement;
            Assert.Equal(record.DeviceId, root.GetProperty("machine_id").GetString());
            Assert.Equal(record.EventTime, ParseExact(root.GetProperty("timestamp"), "yyyy-MM-dd HH:mm:ss"));
            AssertRoundTrips(root.GetProperty("thickness"));
            AssertRoundTrips(root.GetProperty("line_speed"));
            Assert.InRange(root.GetProperty("thickness").GetDouble(), 45, 55);
            Assert.InRange(root.GetProperty("line_speed").GetDouble(), 47, 53);
        }
        var products = records.GroupBy(r => r.DeviceId).ToDictionary(g => g.Key, g => g.Select(Product).Distinct().Single());
        Assert.Equal("B205", products["M-001"]);
        Assert.Equal("B206", products["M-002"]);
        Assert.Equal("C310", products["M-003"]);
        Assert.Equal("B205", products["M-004"]);
    }

    [Fact]
    public void Configured_product_ids_are_escaped_and_round_trip()
    {
        var options = SimulationRecords.Only(lines: 1);
        options.Products = ["A\"1+\\x<é>"];

        var record = SimulationRecords.Generate(options, TimeSpan.FromSeconds(1)).Single();

        using var document = JsonDocument.Parse(record.Payload);
        Assert.Equal("A\"1+\\x<é>", document.RootElement.GetProperty("product_id").GetString());
        Assert.Contains("\"product_id\": \"A\\\"1+\\\\x<é>\"", SimulationRecords.Text(record), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_valid_record_is_accepted_by_the_malformed_classifier()
    {
        Assert.All(Records, r => Assert.Null(SimulationRecords.ClassifyMalformed(r.Payload)));
    }

    private static List<SimulatedRecord> Of(string idPrefix) =>
        Records.Where(r => r.DeviceId.StartsWith(idPrefix, StringComparison.Ordinal)).ToList();

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    private static string Product(SimulatedRecord record)
    {
        using var document = JsonDocument.Parse(record.Payload);
        return document.RootElement.GetProperty("product_id").GetString()!;
    }

    private static DateTime ParseExact(JsonElement element, string format) =>
        DateTime.ParseExact(
            element.GetString()!,
            format,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static void AssertRoundTrips(JsonElement number)
    {
        Assert.Equal(JsonValueKind.Number, number.ValueKind);
        var value = number.GetDouble();
        Assert.True(double.IsFinite(value));
        Assert.Equal(number.GetRawText(), value.ToString("R", CultureInfo.InvariantCulture));
        Assert.Equal(Math.Round(value, 2), value);
    }
}
