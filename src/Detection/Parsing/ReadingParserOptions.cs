namespace Actors.Detection.Parsing;

/// <summary>Which JSON fields carry identity and time (configuration section <c>Parsing</c>).</summary>
/// <remarks>
/// Field lists are in priority order: the first listed field that is present wins. Names are matched exactly
/// (case-sensitive). Every other numeric field is a metric. Bind through <see cref="ReadingParserOptionsBinder"/> (or
/// <c>AddReadingParser</c>) so that a list given in configuration replaces its default instead of being appended to it.
/// </remarks>
public sealed class ReadingParserOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Parsing";

    /// <summary>Fields that name the device. Default <c>["device_id", "deviceId", "machine_id"]</c>.</summary>
    public string[] DeviceIdFields { get; set; } = ["device_id", "deviceId", "machine_id"];

    /// <summary>Fields that name the product being made (optional in a record). Default <c>["product_id", "productId"]</c>.</summary>
    public string[] ProductIdFields { get; set; } = ["product_id", "productId"];

    /// <summary>Fields that carry the event time. Default <c>["timestamp"]</c>.</summary>
    public string[] TimestampFields { get; set; } = ["timestamp"];

    /// <summary>
    /// Gateway envelope field that names the device; it always wins over any device field inside the payload.
    /// Default <c>imsi</c>.
    /// </summary>
    public string EnvelopeDeviceIdField { get; set; } = "imsi";

    /// <summary>
    /// Gateway envelope field holding the device's own object; its presence (as an object) makes a record an envelope.
    /// Default <c>payloads</c>.
    /// </summary>
    public string EnvelopePayloadField { get; set; } = "payloads";

    /// <summary>
    /// Identity fields that are never metrics, even when numeric.
    /// Default <c>["operatorId", "imsi", "imei", "sourceProtocol"]</c>.
    /// </summary>
    public string[] IgnoredFields { get; set; } = ["operatorId", "imsi", "imei", "sourceProtocol"];

    /// <summary>
    /// Most distinct device/product IDs, and separately most distinct metric names, whose strings are cached so that
    /// known devices parse without allocating them again. Beyond it new values are still parsed, just not cached.
    /// Default 100 000; 0 disables caching.
    /// </summary>
    public int InternCacheCapacity { get; set; } = 100_000;

    /// <summary>
    /// Longest device or product ID, in characters; a longer one rejects the record (<see cref="RejectReason.InvalidIdentity"/>),
    /// as does an ID with a control character. The IDs are grain keys and storage keys (DynamoDB allows 2 KB per key).
    /// Default 128.
    /// </summary>
    public int MaxIdentityLength { get; set; } = 128;

    /// <summary>Earliest plausible event time, UTC; an earlier reading is rejected (<see cref="RejectReason.ImplausibleTimestamp"/>). Default 2000-01-01.</summary>
    public DateTime EarliestEventTime { get; set; } = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// How far ahead of the clock an event time may be; a later reading is rejected
    /// (<see cref="RejectReason.ImplausibleTimestamp"/>). Default 1 day; empty (null) removes the bound, e.g. to replay a
    /// data set simulated into the future.
    /// </summary>
    public TimeSpan? MaxFutureSkew { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Largest record, in bytes (an NDJSON line without its line break); a larger one is rejected
    /// (<see cref="RejectReason.RecordTooLarge"/>) and an NDJSON line is skipped without being held in memory.
    /// Default 1 MiB, the Kinesis record limit.
    /// </summary>
    public int MaxRecordBytes { get; set; } = 1024 * 1024;
}
