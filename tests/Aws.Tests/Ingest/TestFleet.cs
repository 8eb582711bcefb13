using System.Globalization;
using System.Text;
using Actors.Aws.Kinesis;

namespace Actors.Aws.Tests.Ingest;

/// <summary>
/// Devices with IDs unique to one test, and their readings as raw Kinesis records in the accepted formats (sensor,
/// manufacturing line, gateway envelope), time-ordered, partition key = device ID. Reading <c>i</c> of device
/// <c>d</c> is at <see cref="Start"/> + i s + d × 10 ms, so readings of one device always increase in time.
/// </summary>
public sealed class TestFleet(string purpose, int devices)
{
    public static readonly DateTime Start = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    private readonly string _prefix = $"{purpose}-{Guid.NewGuid():N}"[..(purpose.Length + 9)];

    /// <summary>The device IDs, which are also the device grains' keys and the records' partition keys.</summary>
    public IReadOnlyList<string> DeviceIds => [.. Enumerable.Range(0, devices).Select(Id)];

    /// <summary>The product the manufacturing lines (every third device, from the second) make.</summary>
    public string ProductId => $"{_prefix}-P1";

    /// <summary>The devices that make <see cref="ProductId"/>.</summary>
    public IReadOnlyList<string> ProductDeviceIds => [.. Enumerable.Range(0, devices).Where(d => d % 3 == 1).Select(Id)];

    private string Id(int device) => $"{_prefix}-dev-{device}";

    /// <summary>Readings <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive) of every device, in time order.</summary>
    public List<PutRecordsEntry> Readings(int from, int to)
    {
        var entries = new List<PutRecordsEntry>();
        for (var i = from; i < to; i++)
        {
            for (var d = 0; d < devices; d++)
            {
                var time = Start.AddSeconds(i).AddMilliseconds(d * 10);
                entries.Add(new PutRecordsEntry(Encoding.UTF8.GetBytes(Record(d, i, time)), Id(d)));
            }
        }
        return entries;
    }

    /// <summary>Records every parser rejects, each with the reason it gets.</summary>
    public List<(PutRecordsEntry Entry, string Reason)> Malformed() =>
    [
        (Raw("{\"device_id\": \"x\", \"timestamp\": \"2026-02-17T12:00:00Z\", \"temperature\": 2"), "MalformedJson"),
        (Raw("{\"timestamp\": \"2026-02-17T12:00:00Z\", \"temperature\": 21.5}"), "MissingDeviceId"),
        (Raw($"{{\"device_id\": \"{_prefix}-bad\", \"timestamp\": \"yesterday\", \"temperature\": 21.5}}"), "UnparsableTimestamp"),
        (Raw("[1, 2, 3]"), "NotAnObject"),
        (Raw($"{{\"device_id\": \"{_prefix}-bad\", \"timestamp\": \"2026-02-17T12:00:00Z\", \"note\": \"no metric\"}}"), "NoFiniteMetric"),
    ];

    private PutRecordsEntry Raw(string text) => new(Encoding.UTF8.GetBytes(text), $"{_prefix}-malformed-{text.Length}");

    private string Record(int device, int index, DateTime time)
    {
        var value = (20 + (index % 7) * 0.1 + device).ToString("0.0##", CultureInfo.InvariantCulture);
        return (device % 3) switch
        {
            0 => $"{{\"device_id\": \"{Id(device)}\", \"timestamp\": \"{time:yyyy-MM-ddTHH:mm:ss.fff}Z\", \"temperature\": {value}}}",
            1 => $"{{\"timestamp\": \"{time:yyyy-MM-dd HH:mm:ss.fff}\", \"machine_id\": \"{Id(device)}\", \"product_id\": \"{ProductId}\", \"thickness\": {value}, \"line_speed\": 50.2}}",
            _ => $"{{\"operatorId\": \"OP1\", \"timestamp\": {new DateTimeOffset(time).ToUnixTimeMilliseconds()}, \"imsi\": \"{Id(device)}\", \"sourceProtocol\": \"tcp\", "
                + $"\"payloads\": {{\"timestamp\": \"{time:yyyy-MM-dd HH:mm:ss.ffffff}\", \"temperature\": {value}, \"humidity\": 40}}}}",
        };
    }
}
