using System.Net;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Actors.Aws.Kinesis;
using Actors.TestSupport;
using Xunit;

namespace Actors.Aws.Tests.Kinesis;

[Collection(MotoCollection.Name)]
public sealed class KinesisClientTests(MotoServer moto)
{
    private static readonly BigInteger MaxHashKey = BigInteger.Pow(2, 128) - 1;

    private readonly RecordingHandler _handler = new();
    private readonly KinesisTestOperations _operations = new(moto.ServiceUrl);

    private KinesisClient NewClient(int maxRetries = 2) => TestClients.Kinesis(moto.ServiceUrl, _handler, maxRetries);

    private static string NewStreamName(string purpose) => $"{purpose}-{Guid.NewGuid():N}";

    [Fact]
    public async Task Created_stream_becomes_active_and_is_described_then_deleted()
    {
        var client = NewClient();
        var stream = NewStreamName("describe");

        await client.CreateStreamAsync(stream, 3);
        var summary = await client.WaitForStreamActiveAsync(stream, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));

        Assert.Equal(stream, summary.StreamName);
        Assert.Equal(StreamStatus.Active, summary.Status);
        Assert.Equal(3, summary.OpenShardCount);
        Assert.StartsWith("arn:aws:kinesis:us-east-1:", summary.StreamArn);
        Assert.EndsWith($":stream/{stream}", summary.StreamArn);

        await _operations.DeleteStreamAsync(stream);
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeStreamSummaryAsync(stream));
        Assert.True(gone.IsResourceNotFound, gone.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, gone.StatusCode);
        Assert.Equal("kinesis", gone.Service);
        Assert.Equal(2, _handler.Bodies("DescribeStreamSummary").Count);
    }

    [Fact]
    public async Task ListShards_follows_NextToken_to_the_last_page()
    {
        var client = NewClient();
        var stream = NewStreamName("pages");
        await client.CreateStreamAsync(stream, 7);

        var shards = await client.ListShardsAsync(stream, pageSize: 2);

        Assert.Equal(Enumerable.Range(0, 7).Select(index => $"shardId-{index:D12}"), shards.Select(shard => shard.ShardId));
        Assert.True(_handler.Bodies("ListShards").Count(body => body.Contains("NextToken", StringComparison.Ordinal)) >= 3);
        Assert.All(shards, shard => Assert.True(shard.IsOpen));
        Assert.Equal(BigInteger.Zero, BigInteger.Parse(shards[0].StartingHashKey));
        Assert.Equal(MaxHashKey, BigInteger.Parse(shards[^1].EndingHashKey));
        for (var index = 1; index < shards.Count; index++)
        {
            Assert.Equal(BigInteger.Parse(shards[index - 1].EndingHashKey) + 1, BigInteger.Parse(shards[index].StartingHashKey));
        }
    }

    [Fact]
    public async Task Putter_writes_1200_records_in_three_batches_and_all_are_read_back_across_shards()
    {
        var client = NewClient();
        var stream = NewStreamName("bulk");
        await client.CreateStreamAsync(stream, 4);
        var entries = Enumerable.Range(0, 1200)
            .Select(index => new PutRecordsEntry(Encoding.UTF8.GetBytes($"{{\"i\":{index}}}"), $"device-{index % 37}"))
            .ToList();

        var results = await TestClients.Putter(client).PutAllAsync(stream, entries);

        var batchSizes = _handler.Bodies("PutRecords")
            .Select(body => JsonDocument.Parse(body).RootElement.GetProperty("Records").GetArrayLength())
            .ToList();
        Assert.Equal([500, 500, 200], batchSizes);
        Assert.Equal(1200, results.Count);
        Assert.All(results, result => Assert.True(result.Succeeded));

        var shards = await client.ListShardsAsync(stream);
        var seen = new Dictionary<int, (string ShardId, KinesisRecord Record)>();
        foreach (var shard in shards)
        {
            var lastIndexByKey = new Dictionary<string, int>();
            foreach (var record in await ShardReader.ReadFromStartAsync(client, stream, shard.ShardId))
            {
                var index = JsonDocument.Parse(record.Data).RootElement.GetProperty("i").GetInt32();
                Assert.True(seen.TryAdd(index, (shard.ShardId, record)), $"record {index} was read twice");
                Assert.Equal($"device-{index % 37}", record.PartitionKey);
                Assert.True(!lastIndexByKey.TryGetValue(record.PartitionKey, out var last) || last < index, $"record {index} of {record.PartitionKey} came out of order");
                lastIndexByKey[record.PartitionKey] = index;
            }
        }
        Assert.Equal(1200, seen.Count);
        Assert.True(seen.Values.Select(value => value.ShardId).Distinct().Count() > 1, "records should spread over several shards");
        for (var index = 0; index < entries.Count; index++)
        {
            Assert.Equal(results[index].ShardId, seen[index].ShardId);
            Assert.Equal(results[index].SequenceNumber, seen[index].Record.SequenceNumber);
        }
    }

    [Fact]
    public async Task AfterSequenceNumber_resumes_right_after_a_record_and_AtSequenceNumber_at_it()
    {
        var client = NewClient();
        var stream = NewStreamName("resume");
        await client.CreateStreamAsync(stream, 1);
        var entries = Enumerable.Range(0, 10).Select(index => new PutRecordsEntry(new[] { (byte)index }, "key")).ToList();
        var results = await TestClients.Putter(client).PutAllAsync(stream, entries);
        var shardId = results[0].ShardId!;

        var after = await ShardReader.ReadAsync(client, await client.GetShardIteratorAsync(stream, shardId, ShardIteratorType.AfterSequenceNumber, results[4].SequenceNumber));
        var at = await ShardReader.ReadAsync(client, await client.GetShardIteratorAsync(stream, shardId, ShardIteratorType.AtSequenceNumber, results[4].SequenceNumber));
        var latest = await client.GetRecordsAsync(await client.GetShardIteratorAsync(stream, shardId, ShardIteratorType.Latest));

        Assert.Equal([5, 6, 7, 8, 9], after.Select(record => (int)record.Data.Span[0]));
        Assert.Equal(results[5].SequenceNumber, after[0].SequenceNumber);
        Assert.Equal([4, 5, 6, 7, 8, 9], at.Select(record => (int)record.Data.Span[0]));
        Assert.Empty(latest.Records);
    }

    [Fact]
    public async Task AtTimestamp_starts_at_the_first_record_that_arrived_at_or_after_the_time()
    {
        var client = NewClient();
        var putter = TestClients.Putter(client);
        var stream = NewStreamName("timestamp");
        await client.CreateStreamAsync(stream, 1);
        var shardId = (await client.ListShardsAsync(stream))[0].ShardId;

        await putter.PutAllAsync(stream, Enumerable.Range(0, 5).Select(index => new PutRecordsEntry(new[] { (byte)index }, "a")).ToList());
        var lastEarly = (await ShardReader.ReadFromStartAsync(client, stream, shardId)).Max(record => record.ApproximateArrivalTimestamp);
        await Eventually.Until(() => DateTimeOffset.UtcNow > lastEarly.AddMilliseconds(200), TimeSpan.FromSeconds(10), "the clock to pass the early batch by 200 ms");
        await putter.PutAllAsync(stream, Enumerable.Range(100, 5).Select(index => new PutRecordsEntry(new[] { (byte)index }, "a")).ToList());
        var firstLate = (await ShardReader.ReadFromStartAsync(client, stream, shardId))
            .Where(record => record.Data.Span[0] >= 100)
            .Min(record => record.ApproximateArrivalTimestamp);
        var between = lastEarly + ((firstLate - lastEarly) / 2);

        var fromBetween = await ShardReader.ReadAsync(client, await client.GetShardIteratorAsync(stream, shardId, ShardIteratorType.AtTimestamp, timestamp: between.UtcDateTime));
        var fromBefore = await ShardReader.ReadAsync(client, await client.GetShardIteratorAsync(stream, shardId, ShardIteratorType.AtTimestamp, timestamp: lastEarly.AddMinutes(-5).UtcDateTime));

        Assert.Equal([100, 101, 102, 103, 104], fromBetween.Select(record => (int)record.Data.Span[0]));
        Assert.Equal(10, fromBefore.Count);
    }

    [Fact]
    public async Task Split_shard_closes_the_parent_and_lists_two_children_covering_its_range()
    {
        var client = NewClient();
        var stream = NewStreamName("split");
        await client.CreateStreamAsync(stream, 1);
        var parent = (await client.ListShardsAsync(stream)).Single();
        await TestClients.Putter(client).PutAllAsync(stream, Enumerable.Range(0, 20).Select(index => new PutRecordsEntry(new[] { (byte)index }, $"k{index}")).ToList());
        var middle = (BigInteger.Parse(parent.StartingHashKey) + BigInteger.Parse(parent.EndingHashKey)) / 2;

        await _operations.SplitShardAsync(stream, parent.ShardId, middle.ToString());
        var shards = await client.ListShardsAsync(stream);

        var closedParent = shards.Single(shard => shard.ShardId == parent.ShardId);
        Assert.False(closedParent.IsOpen);
        Assert.NotNull(closedParent.EndingSequenceNumber);
        var children = shards.Where(shard => shard.ParentShardId == parent.ShardId).OrderBy(shard => BigInteger.Parse(shard.StartingHashKey)).ToList();
        Assert.Equal(2, children.Count);
        Assert.All(children, child => Assert.True(child.IsOpen));
        Assert.All(children, child => Assert.Null(child.AdjacentParentShardId));
        Assert.Equal(parent.StartingHashKey, children[0].StartingHashKey);
        Assert.Equal(middle - 1, BigInteger.Parse(children[0].EndingHashKey));
        Assert.Equal(middle, BigInteger.Parse(children[1].StartingHashKey));
        Assert.Equal(parent.EndingHashKey, children[1].EndingHashKey);

        var parentRecords = await ShardReader.ReadFromStartAsync(client, stream, parent.ShardId);
        Assert.Equal(Enumerable.Range(0, 20), parentRecords.Select(record => (int)record.Data.Span[0]).Order());
    }

    [Fact]
    public async Task Merge_shards_makes_one_child_with_both_parents()
    {
        var client = NewClient();
        var stream = NewStreamName("merge");
        await client.CreateStreamAsync(stream, 2);
        var before = await client.ListShardsAsync(stream);

        await _operations.MergeShardsAsync(stream, before[0].ShardId, before[1].ShardId);
        var after = await client.ListShardsAsync(stream);

        var child = after.Single(shard => shard.ParentShardId == before[0].ShardId);
        Assert.Equal(before[1].ShardId, child.AdjacentParentShardId);
        Assert.Equal(before[0].StartingHashKey, child.StartingHashKey);
        Assert.Equal(before[1].EndingHashKey, child.EndingHashKey);
        Assert.All(after.Where(shard => shard.ShardId != child.ShardId), shard => Assert.False(shard.IsOpen));
    }

    [Fact]
    public async Task Garbage_iterator_surfaces_as_AwsServiceException_after_the_retries_for_its_5xx()
    {
        var client = NewClient(maxRetries: 1);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetRecordsAsync("not-an-iterator"));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.StartsWith("kinesis GetRecords failed with HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _handler.Bodies("GetRecords").Count);
    }

    [Fact]
    public async Task Iterator_of_a_deleted_stream_surfaces_as_resource_not_found_without_retries()
    {
        var client = NewClient();
        var stream = NewStreamName("deleted");
        await client.CreateStreamAsync(stream, 1);
        var iterator = await client.GetShardIteratorAsync(stream, "shardId-000000000000", ShardIteratorType.TrimHorizon);
        await _operations.DeleteStreamAsync(stream);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetRecordsAsync(iterator));

        Assert.True(error.IsResourceNotFound, error.ErrorCode);
        Assert.False(error.IsExpiredIterator);
        Assert.Single(_handler.Bodies("GetRecords"));
    }

    [Fact]
    public async Task Unknown_shard_is_refused_as_resource_not_found()
    {
        var client = NewClient();
        var stream = NewStreamName("unknown-shard");
        await client.CreateStreamAsync(stream, 1);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetShardIteratorAsync(stream, "shardId-000000000042", ShardIteratorType.TrimHorizon));

        Assert.True(error.IsResourceNotFound, error.ErrorCode);
        Assert.Contains("shardId-000000000042", error.Message);
    }
}
