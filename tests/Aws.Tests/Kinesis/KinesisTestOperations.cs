using System.Text.Json;
using Actors.Aws.Kinesis;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Aws.Tests.Kinesis;

/// <summary>
/// The Kinesis operations only tests need (splitting and merging shards, deleting streams), signed and sent the way
/// <see cref="KinesisClient"/> sends its calls, so the production client keeps only what the programs use.
/// </summary>
internal sealed class KinesisTestOperations(Uri serviceUrl)
{
    private readonly AwsRequestSender _sender = new(
        "kinesis",
        new HttpClient(),
        TestClients.Options(serviceUrl),
        AwsJsonErrorReader.Read,
        NullLogger.Instance);

    /// <summary>Splits an open shard in two at <paramref name="newStartingHashKey"/>; the parent closes.</summary>
    public Task SplitShardAsync(string streamName, string shardToSplit, string newStartingHashKey) =>
        CallAsync("SplitShard", new() { ["StreamName"] = streamName, ["ShardToSplit"] = shardToSplit, ["NewStartingHashKey"] = newStartingHashKey });

    /// <summary>Merges two adjacent open shards into one; both parents close.</summary>
    public Task MergeShardsAsync(string streamName, string shardToMerge, string adjacentShardToMerge) =>
        CallAsync("MergeShards", new() { ["StreamName"] = streamName, ["ShardToMerge"] = shardToMerge, ["AdjacentShardToMerge"] = adjacentShardToMerge });

    /// <summary>Deletes a stream and its records.</summary>
    public Task DeleteStreamAsync(string streamName) => CallAsync("DeleteStream", new() { ["StreamName"] = streamName });

    private Task CallAsync(string operation, Dictionary<string, string> request) =>
        _sender.SendAsync(
            new AwsCall(operation, "application/x-amz-json-1.1", JsonSerializer.SerializeToUtf8Bytes(request), [new("X-Amz-Target", $"Kinesis_20131202.{operation}")]),
            CancellationToken.None);
}
