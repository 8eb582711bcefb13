using System.Text.Json.Serialization;

namespace Actors.Aws.Kinesis.Wire;

internal sealed record StreamDescriptionSummary(
    string StreamName,
    [property: JsonPropertyName("StreamARN")] string StreamArn,
    string? StreamStatus = null,
    int? OpenShardCount = null,
    int? RetentionPeriodHours = null,
    DateTimeOffset? StreamCreationTimestamp = null)
{
    /// <summary>The summary; a state this client does not know is <see cref="Kinesis.StreamStatus.Unknown"/>.</summary>
    public StreamSummary ToSummary() => new(
        StreamName,
        StreamArn,
        StreamStatus switch
        {
            "CREATING" => Kinesis.StreamStatus.Creating,
            "DELETING" => Kinesis.StreamStatus.Deleting,
            "ACTIVE" => Kinesis.StreamStatus.Active,
            "UPDATING" => Kinesis.StreamStatus.Updating,
            _ => Kinesis.StreamStatus.Unknown,
        },
        OpenShardCount ?? 0,
        RetentionPeriodHours ?? 0,
        StreamCreationTimestamp);
}
