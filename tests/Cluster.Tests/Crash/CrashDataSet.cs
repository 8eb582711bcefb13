using System.Globalization;
using System.Text;
using System.Text.Json;
using Actors.Detection.Parsing;
using Actors.Simulation;

namespace Actors.Cluster.Tests.Crash;

/// <summary>
/// The records a crash test streams: a simulated day and a half of manufacturing lines, temperature sensors, boards and
/// gateways (malformed records included), then one closing record per device an hour after the last one. The closing
/// records close every open z-score window, so that the windows a plain <c>replay</c> closes at the end of its file are
/// judged on the stream too; a window holding only the closing value has too few values to alert.
/// </summary>
public sealed class CrashDataSet
{
    private static readonly DateTime Start = new(2026, 2, 16, 18, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Span = TimeSpan.FromHours(12);

    /// <summary>
    /// The rules the silos and the plain replay both run with: a temperature threshold inside the sensors' normal range,
    /// and z-score windows long enough to hold the readings of half an hour, so that alerts are frequent and every part of
    /// the stream has some.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Rules { get; } = new Dictionary<string, string?>
    {
        ["Rules:Thresholds:0:Metric"] = "temperature",
        ["Rules:Thresholds:0:Upper"] = "29",
        ["Rules:ZScore:WindowSeconds"] = "1800",
    };

    private CrashDataSet(IReadOnlyList<byte[]> records, IReadOnlyList<string?> deviceOfRecord, IReadOnlyList<string?> productOfRecord)
    {
        Records = records;
        DeviceOfRecord = deviceOfRecord;
        ProductOfRecord = productOfRecord;
    }

    /// <summary>Every record, in stream order, as its UTF-8 JSON.</summary>
    public IReadOnlyList<byte[]> Records { get; }

    /// <summary>The device of each record, or null for a record the parser rejects.</summary>
    public IReadOnlyList<string?> DeviceOfRecord { get; }

    /// <summary>The product of each record's reading, or null for a reading without one or a rejected record.</summary>
    public IReadOnlyList<string?> ProductOfRecord { get; }

    /// <summary>The devices, each with how many readings it has in the data set.</summary>
    public IReadOnlyDictionary<string, long> ReadingsPerDevice => CountsOf(DeviceOfRecord);

    /// <summary>The products, each with how many readings it has in the data set.</summary>
    public IReadOnlyDictionary<string, long> ReadingsPerProduct => CountsOf(ProductOfRecord);

    /// <summary>How many readings (records the parser accepts) are among the first <paramref name="count"/> records.</summary>
    public long ReadingsAmongFirst(int count) => DeviceOfRecord.Take(count).Count(d => d is not null);

    /// <summary>The partition key of a record: its device, so that each device's records stay in order on one shard.</summary>
    public string PartitionKeyOf(int index) => DeviceOfRecord[index] ?? $"rejected-{index % 16}";

    /// <summary>Writes the records as an NDJSON file (the input of the plain replay).</summary>
    public async Task WriteNdjsonAsync(string path)
    {
        await using var file = File.Create(path);
        foreach (var record in Records)
        {
            await file.WriteAsync(record);
            file.WriteByte((byte)'\n');
        }
    }

    /// <summary>The data set of <paramref name="devices"/> devices and about <paramref name="records"/> records (seeded, so the same every time).</summary>
    public static async Task<CrashDataSet> CreateAsync(int devices, int records)
    {
        var options = DatasetGenerator.ForTarget(devices, Span, records);
        options.Seed = 17;
        using var ndjson = new MemoryStream();
        await DatasetGenerator.WriteNdjsonAsync(ndjson, options, Start, Span, CancellationToken.None);
        var lines = Encoding.UTF8.GetString(ndjson.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Encoding.UTF8.GetBytes).ToList();

        var parser = new ReadingParser(new ReadingParserOptions());
        var deviceOfRecord = new List<string?>();
        var productOfRecord = new List<string?>();
        var last = new Dictionary<string, Grains.Interfaces.Reading>();
        foreach (var line in lines)
        {
            var reading = parser.Parse(line).Reading;
            deviceOfRecord.Add(reading?.DeviceId);
            productOfRecord.Add(reading?.ProductId);
            if (reading is not null)
            {
                last[reading.DeviceId] = reading;
            }
        }
        var closingTime = last.Values.Max(r => r.Timestamp).AddHours(1);
        foreach (var reading in last.Values.OrderBy(r => r.DeviceId, StringComparer.Ordinal))
        {
            var closing = Closing(reading, closingTime);
            var parsed = parser.Parse(closing).Reading ?? throw new InvalidOperationException($"closing record of {reading.DeviceId} does not parse");
            lines.Add(closing);
            deviceOfRecord.Add(parsed.DeviceId);
            productOfRecord.Add(parsed.ProductId);
        }
        return new CrashDataSet(lines, deviceOfRecord, productOfRecord);
    }

    private static Dictionary<string, long> CountsOf(IEnumerable<string?> keys) =>
        keys.OfType<string>().GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.LongCount(), StringComparer.Ordinal);

    /// <summary>A record of the same device, product and metric values as <paramref name="last"/>, at <paramref name="time"/>.</summary>
    private static byte[] Closing(Grains.Interfaces.Reading last, DateTime time)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("device_id", last.DeviceId);
            if (last.ProductId is not null)
            {
                json.WriteString("product_id", last.ProductId);
            }
            json.WriteString("timestamp", time.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture));
            foreach (var metric in last.Metrics)
            {
                json.WriteNumber(metric.Name, metric.Value);
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
