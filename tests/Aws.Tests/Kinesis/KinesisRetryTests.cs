using System.Net;
using System.Text.Json;
using Actors.Aws.Kinesis;
using Actors.TestSupport;
using Xunit;

namespace Actors.Aws.Tests.Kinesis;

/// <summary>Retries, give-ups and answers real Kinesis sends but moto does not, against a scripted local endpoint.</summary>
[Collection(MotoCollection.Name)]
public sealed class KinesisRetryTests
{
    private const string SummaryAnswer = """
        {"StreamDescriptionSummary": {"StreamName": "orders", "StreamARN": "arn:aws:kinesis:us-east-1:123456789012:stream/orders",
         "StreamStatus": "UPDATING", "OpenShardCount": 2, "RetentionPeriodHours": 24, "StreamCreationTimestamp": 1700000000.5}}
        """;

    [Fact]
    public async Task Two_5xx_answers_are_retried_and_the_third_answer_is_used()
    {
        await using var endpoint = new ScriptedAwsEndpoint(ScriptedAnswer.Html(500), ScriptedAnswer.Json(503, "{}"), ScriptedAnswer.Json(200, SummaryAnswer));
        var client = TestClients.Kinesis(endpoint.Url, new SocketsHttpHandler(), maxRetries: 3);

        var summary = await client.DescribeStreamSummaryAsync("orders");

        Assert.Equal(StreamStatus.Updating, summary.Status);
        Assert.Equal(2, summary.OpenShardCount);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), summary.CreatedAt);
        Assert.Equal(3, endpoint.Requests.Count);
    }

    [Fact]
    public async Task Requests_are_SigV4_signed_for_kinesis_with_the_JSON_target_header()
    {
        await using var endpoint = new ScriptedAwsEndpoint(ScriptedAnswer.Json(200, SummaryAnswer));
        var client = TestClients.Kinesis(endpoint.Url, new SocketsHttpHandler());

        await client.DescribeStreamSummaryAsync("orders");

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("Kinesis_20131202.DescribeStreamSummary", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=[^/]+/\d{8}/us-east-1/kinesis/aws4_request, SignedHeaders=[a-z0-9;-]*x-amz-target[a-z0-9;-]*, Signature=[0-9a-f]{64}$", request.Header("Authorization"));
        Assert.Matches(@"^\d{8}T\d{6}Z$", request.Header("X-Amz-Date"));
        Assert.Equal("orders", JsonDocument.Parse(request.Body).RootElement.GetProperty("StreamName").GetString());
        var secret = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY")!;
        SigV4Verifier.Verify(request, secret, "us-east-1", "kinesis");
        Assert.Throws<InvalidOperationException>(() => SigV4Verifier.Verify(request with { Body = request.Body + " " }, secret, "us-east-1", "kinesis"));
        Assert.Throws<InvalidOperationException>(() => SigV4Verifier.Verify(request, secret + "x", "us-east-1", "kinesis"));
    }

    [Fact]
    public async Task Throttling_is_retried_up_to_MaxRetries_then_surfaces_with_the_service_error_inside()
    {
        await using var endpoint = new ScriptedAwsEndpoint(
            ScriptedAnswer.Json(400, """{"__type": "ProvisionedThroughputExceededException", "message": "Rate exceeded for shard"}"""));
        var client = TestClients.Kinesis(endpoint.Url, new SocketsHttpHandler(), maxRetries: 2);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.PutRecordsAsync("orders", [new PutRecordsEntry(new byte[] { 1 }, "k")]));

        Assert.True(error.IsThrottling);
        Assert.Equal(AwsErrorCodes.ProvisionedThroughputExceeded, error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("Rate exceeded for shard", error.Message);
        Assert.Equal(3, endpoint.Requests.Count);
    }

    [Fact]
    public async Task Expired_iterator_is_not_retried()
    {
        await using var endpoint = new ScriptedAwsEndpoint(
            ScriptedAnswer.Json(400, """{"__type": "com.amazonaws.kinesis.v20131202#ExpiredIteratorException", "message": "Iterator expired"}"""));
        var client = TestClients.Kinesis(endpoint.Url, new SocketsHttpHandler(), maxRetries: 3);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetRecordsAsync("old-iterator"));

        Assert.True(error.IsExpiredIterator, error.ErrorCode);
        Assert.False(error.IsThrottling);
        Assert.Single(endpoint.Requests);
    }

    [Fact]
    public async Task Refused_connections_are_retried_then_surface_as_transport_error_keeping_the_inner_exception()
    {
        var nobodyListens = new Uri($"http://127.0.0.1:{MotoServer.FreePort()}/");
        var handler = new RecordingHandler();
        var client = TestClients.Kinesis(nobodyListens, handler, maxRetries: 3);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeStreamSummaryAsync("orders"));

        Assert.Equal(AwsErrorCodes.TransportError, error.ErrorCode);
        Assert.Null(error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(4, handler.Attempts);
        Assert.Contains("4 attempt(s)", error.Message);
    }

    [Fact]
    public async Task Closed_shard_read_to_its_end_has_no_next_iterator_and_names_its_children()
    {
        await using var endpoint = new ScriptedAwsEndpoint(ScriptedAnswer.Json(200, """
            {"Records": [{"SequenceNumber": "4960", "ApproximateArrivalTimestamp": 1700000000.25, "Data": "aGk=", "PartitionKey": "p"}],
             "MillisBehindLatest": 0,
             "ChildShards": [
               {"ShardId": "shardId-000000000001", "ParentShards": ["shardId-000000000000"], "HashKeyRange": {"StartingHashKey": "0", "EndingHashKey": "99"}},
               {"ShardId": "shardId-000000000002", "ParentShards": ["shardId-000000000000"], "HashKeyRange": {"StartingHashKey": "100", "EndingHashKey": "199"}}]}
            """));
        var client = TestClients.Kinesis(endpoint.Url, new SocketsHttpHandler());

        var result = await client.GetRecordsAsync("last-iterator", 10);

        Assert.True(result.IsShardEnd);
        Assert.Null(result.NextShardIterator);
        var record = Assert.Single(result.Records);
        Assert.Equal("hi", System.Text.Encoding.UTF8.GetString(record.Data.Span));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250), record.ApproximateArrivalTimestamp);
        Assert.Equal(["shardId-000000000001", "shardId-000000000002"], result.ChildShards.Select(child => child.ShardId));
        Assert.All(result.ChildShards, child => Assert.Equal(["shardId-000000000000"], child.ParentShards));
        Assert.Equal("100", result.ChildShards[1].StartingHashKey);
        Assert.Equal(10, JsonDocument.Parse(Assert.Single(endpoint.Requests).Body).RootElement.GetProperty("Limit").GetInt32());
    }

    [Fact]
    public async Task ListShards_sends_only_the_token_on_later_pages_where_the_service_accepts_that()
    {
        await using var endpoint = new ScriptedAwsEndpoint(
            ScriptedAnswer.Json(200, """{"Shards": [{"ShardId": "shardId-000000000000", "HashKeyRange": {"StartingHashKey": "0", "EndingHashKey": "9"}, "SequenceNumberRange": {"StartingSequenceNumber": "1"}}], "NextToken": "page-2"}"""),
            ScriptedAnswer.Json(200, """{"Shards": [{"ShardId": "shardId-000000000001", "HashKeyRange": {"StartingHashKey": "10", "EndingHashKey": "19"}, "SequenceNumberRange": {"StartingSequenceNumber": "1", "EndingSequenceNumber": "7"}}]}"""));
        var client = TestClients.Kinesis(endpoint.Url, new SocketsHttpHandler());

        var shards = await client.ListShardsAsync("orders", pageSize: 1);

        Assert.Equal(["shardId-000000000000", "shardId-000000000001"], shards.Select(shard => shard.ShardId));
        Assert.Equal("7", shards[1].EndingSequenceNumber);
        var second = JsonDocument.Parse(endpoint.Requests[1].Body).RootElement;
        Assert.Equal("page-2", second.GetProperty("NextToken").GetString());
        Assert.False(second.TryGetProperty("StreamName", out _));
    }
}
