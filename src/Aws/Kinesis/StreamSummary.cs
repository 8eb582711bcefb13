namespace Actors.Aws.Kinesis;

/// <summary>What <c>DescribeStreamSummary</c> tells about a stream.</summary>
/// <param name="StreamName">The stream's name.</param>
/// <param name="StreamArn">The stream's ARN.</param>
/// <param name="Status">The stream's state.</param>
/// <param name="OpenShardCount">How many shards are open (accept writes).</param>
/// <param name="RetentionPeriodHours">How long records stay readable.</param>
/// <param name="CreatedAt">When the stream was created, if the service said.</param>
public sealed record StreamSummary(
    string StreamName,
    string StreamArn,
    StreamStatus Status,
    int OpenShardCount,
    int RetentionPeriodHours,
    DateTimeOffset? CreatedAt);
