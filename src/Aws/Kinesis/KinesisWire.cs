using System.Globalization;
using System.Text.Json;

namespace Actors.Aws.Kinesis;

/// <summary>Reads the Kinesis JSON 1.1 answers into the client's model types.</summary>
internal static class KinesisWire
{
    public static string IteratorType(ShardIteratorType type) => type switch
    {
        ShardIteratorType.TrimHorizon => "TRIM_HORIZON",
        ShardIteratorType.Latest => "LATEST",
        ShardIteratorType.AtSequenceNumber => "AT_SEQUENCE_NUMBER",
        ShardIteratorType.AfterSequenceNumber => "AFTER_SEQUENCE_NUMBER",
        ShardIteratorType.AtTimestamp => "AT_TIMESTAMP",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown shard iterator type."),
    };

    public static double EpochSeconds(DateTime timestamp)
    {
        var utc = timestamp.Kind switch
        {
            DateTimeKind.Local => timestamp.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(timestamp, DateTimeKind.Utc),
            _ => timestamp,
        };
        return (utc - DateTime.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond;
    }

    public static StreamSummary ReadStreamSummary(JsonElement root)
    {
        var summary = Required(root, "StreamDescriptionSummary", "DescribeStreamSummary");
        return new StreamSummary(
            RequiredString(summary, "StreamName", "DescribeStreamSummary"),
            RequiredString(summary, "StreamARN", "DescribeStreamSummary"),
            ReadStatus(OptionalString(summary, "StreamStatus")),
            OptionalInt(summary, "OpenShardCount") ?? 0,
            OptionalInt(summary, "RetentionPeriodHours") ?? 0,
            OptionalTimestamp(summary, "StreamCreationTimestamp"));
    }

    public static Shard ReadShard(JsonElement shard)
    {
        var hashKeys = Required(shard, "HashKeyRange", "ListShards");
        var sequenceNumbers = Required(shard, "SequenceNumberRange", "ListShards");
        return new Shard(
            RequiredString(shard, "ShardId", "ListShards"),
            OptionalString(shard, "ParentShardId"),
            OptionalString(shard, "AdjacentParentShardId"),
            RequiredString(hashKeys, "StartingHashKey", "ListShards"),
            RequiredString(hashKeys, "EndingHashKey", "ListShards"),
            RequiredString(sequenceNumbers, "StartingSequenceNumber", "ListShards"),
            OptionalString(sequenceNumbers, "EndingSequenceNumber"));
    }

    public static GetRecordsResult ReadRecords(JsonElement root)
    {
        var records = new List<KinesisRecord>();
        foreach (var record in Array(root, "Records"))
        {
            records.Add(new KinesisRecord(
                RequiredString(record, "SequenceNumber", "GetRecords"),
                OptionalTimestamp(record, "ApproximateArrivalTimestamp") ?? DateTimeOffset.UnixEpoch,
                RequiredString(record, "PartitionKey", "GetRecords"),
                Required(record, "Data", "GetRecords").GetBytesFromBase64()));
        }
        var children = new List<ChildShard>();
        foreach (var child in Array(root, "ChildShards"))
        {
            var hashKeys = Required(child, "HashKeyRange", "GetRecords");
            children.Add(new ChildShard(
                RequiredString(child, "ShardId", "GetRecords"),
                Array(child, "ParentShards").Select(parent => parent.GetString() ?? string.Empty).ToList(),
                RequiredString(hashKeys, "StartingHashKey", "GetRecords"),
                RequiredString(hashKeys, "EndingHashKey", "GetRecords")));
        }
        return new GetRecordsResult(
            records,
            OptionalString(root, "NextShardIterator"),
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty("MillisBehindLatest", out var behind) && behind.ValueKind == JsonValueKind.Number ? behind.GetInt64() : null,
            children);
    }

    public static PutRecordsResult ReadPutRecords(JsonElement root, int expectedCount)
    {
        var results = Array(root, "Records")
            .Select(entry => new PutRecordsResultEntry(
                OptionalString(entry, "SequenceNumber"),
                OptionalString(entry, "ShardId"),
                OptionalString(entry, "ErrorCode"),
                OptionalString(entry, "ErrorMessage")))
            .ToList();
        if (results.Count != expectedCount)
        {
            throw Malformed("PutRecords", $"answered {results.Count} results for {expectedCount} entries");
        }
        return new PutRecordsResult(OptionalInt(root, "FailedRecordCount") ?? results.Count(result => !result.Succeeded), results);
    }

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    public static string? OptionalString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string RequiredString(JsonElement element, string name, string operation) =>
        OptionalString(element, name) ?? throw Malformed(operation, $"has no string '{name}'");

    private static JsonElement Required(JsonElement element, string name, string operation) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Malformed(operation, $"has no '{name}'");

    private static int? OptionalInt(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static DateTimeOffset? OptionalTimestamp(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Number => DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(value.GetDouble() * TimeSpan.TicksPerSecond)),
            JsonValueKind.String => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ => null,
        };
    }

    private static StreamStatus ReadStatus(string? status) => status switch
    {
        "CREATING" => StreamStatus.Creating,
        "DELETING" => StreamStatus.Deleting,
        "ACTIVE" => StreamStatus.Active,
        "UPDATING" => StreamStatus.Updating,
        _ => StreamStatus.Unknown,
    };

    private static AwsServiceException Malformed(string operation, string problem) =>
        new("kinesis", AwsErrorCodes.MalformedResponse, $"kinesis {operation} answer {problem}.");
}
