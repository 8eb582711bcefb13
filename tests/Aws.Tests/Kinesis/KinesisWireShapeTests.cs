using System.Text;
using System.Text.Json;
using Actors.Aws.Kinesis;
using Xunit;

namespace Actors.Aws.Tests.Kinesis;

/// <summary>
/// The JSON 1.1 bodies the client sends, byte for byte, and what it makes of answers that leave out what the API
/// promises, against a scripted local endpoint (in the moto collection for its credentials).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class KinesisWireShapeTests
{
    [Fact]
    public async Task Requests_name_members_as_the_API_leave_out_absent_ones_and_carry_epoch_seconds_and_base64()
    {
        await using var endpoint = new ScriptedAwsEndpoint(
            ScriptedAnswer.Json(200, string.Empty),
            ScriptedAnswer.Json(200, """{"ShardIterator": "iterator-1"}"""),
            ScriptedAnswer.Json(200, """{"ShardIterator": "iterator-2"}"""),
            ScriptedAnswer.Json(200, """{"ShardIterator": "iterator-3"}"""),
            ScriptedAnswer.Json(200, """{"Records": [], "NextShardIterator": "iterator-4", "MillisBehindLatest": 0}"""),
            ScriptedAnswer.Json(200, """{"Records": [], "NextShardIterator": "iterator-5"}"""),
            ScriptedAnswer.Json(200, """{"Shards": []}"""),
            ScriptedAnswer.Json(200, """{"FailedRecordCount": 0, "Records": [{"SequenceNumber": "4961", "ShardId": "shardId-000000000000"}, {"SequenceNumber": "4962", "ShardId": "shardId-000000000001"}]}"""));
        var client = TestClients.Kinesis(endpoint.Url, new SocketsHttpHandler());

        await client.CreateStreamAsync("orders", 2);
        await client.GetShardIteratorAsync("orders", "shardId-000000000000", ShardIteratorType.AtTimestamp, timestamp: new DateTime(2023, 11, 14, 22, 13, 20, 250, DateTimeKind.Utc));
        await client.GetShardIteratorAsync("orders", "shardId-000000000000", ShardIteratorType.AfterSequenceNumber, "4960");
        await client.GetShardIteratorAsync("orders", "shardId-000000000000", ShardIteratorType.TrimHorizon);
        await client.GetRecordsAsync("iterator-3", 100);
        await client.GetRecordsAsync("iterator-4");
        await client.ListShardsAsync("orders", pageSize: 5);
        var put = await client.PutRecordsAsync("orders", [new PutRecordsEntry(Encoding.UTF8.GetBytes("hi"), "device-1"), new PutRecordsEntry(new byte[] { 0, 255 }, "device-2")]);

        Assert.Equal(
            [
                """{"StreamName":"orders","ShardCount":2}""",
                """{"StreamName":"orders","ShardId":"shardId-000000000000","ShardIteratorType":"AT_TIMESTAMP","Timestamp":1700000000.25}""",
                """{"StreamName":"orders","ShardId":"shardId-000000000000","ShardIteratorType":"AFTER_SEQUENCE_NUMBER","StartingSequenceNumber":"4960"}""",
                """{"StreamName":"orders","ShardId":"shardId-000000000000","ShardIteratorType":"TRIM_HORIZON"}""",
                """{"ShardIterator":"iterator-3","Limit":100}""",
                """{"ShardIterator":"iterator-4"}""",
                """{"StreamName":"orders","MaxResults":5}""",
                """{"StreamName":"orders","Records":[{"Data":"aGk=","PartitionKey":"device-1"},{"Data":"AP8=","PartitionKey":"device-2"}]}""",
            ],
            endpoint.Requests.Select(request => request.Body));
        Assert.Equal(["4961", "4962"], put.Records.Select(entry => entry.SequenceNumber));
        Assert.Equal(0, put.FailedRecordCount);
    }

    [Fact]
    public async Task A_failed_entry_is_read_from_the_members_its_case_sends_and_counted_when_the_count_is_missing()
    {
        await using var endpoint = new ScriptedAwsEndpoint(ScriptedAnswer.Json(200, """
            {"Records": [{"SequenceNumber": "4961", "ShardId": "shardId-000000000000"},
                         {"ErrorCode": "ProvisionedThroughputExceededException", "ErrorMessage": "Rate exceeded"}]}
            """));
        var client = TestClients.Kinesis(endpoint.Url, new SocketsHttpHandler());

        var put = await client.PutRecordsAsync("orders", [new PutRecordsEntry(new byte[] { 1 }, "a"), new PutRecordsEntry(new byte[] { 2 }, "b")]);

        Assert.Equal(1, put.FailedRecordCount);
        Assert.True(put.Records[0].Succeeded);
        Assert.Equal(new PutRecordsResultEntry(null, null, "ProvisionedThroughputExceededException", "Rate exceeded"), put.Records[1]);
    }

    [Theory]
    [InlineData("""{"Iterator": "iterator-1"}""", "ShardIterator")]
    [InlineData("""{"ShardIterator": null}""", "ShardIterator")]
    [InlineData("""{"ShardIterator": 7}""", "ShardIterator")]
    [InlineData("""<html>Bad gateway</html>""", "'<'")]
    public async Task An_answer_without_what_the_API_promises_is_a_MalformedResponse_naming_the_operation(string answer, string named)
    {
        await using var endpoint = new ScriptedAwsEndpoint(ScriptedAnswer.Json(200, answer));
        var client = TestClients.Kinesis(endpoint.Url, new SocketsHttpHandler());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetShardIteratorAsync("orders", "shardId-000000000000", ShardIteratorType.Latest));

        Assert.Equal(AwsErrorCodes.MalformedResponse, error.ErrorCode);
        Assert.StartsWith("kinesis GetShardIterator answer", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task PutRecords_answering_fewer_results_than_entries_is_a_MalformedResponse()
    {
        await using var endpoint = new ScriptedAwsEndpoint(ScriptedAnswer.Json(200, """{"FailedRecordCount": 0, "Records": [{"SequenceNumber": "4961", "ShardId": "shardId-000000000000"}]}"""));
        var client = TestClients.Kinesis(endpoint.Url, new SocketsHttpHandler());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.PutRecordsAsync("orders", [new PutRecordsEntry(new byte[] { 1 }, "a"), new PutRecordsEntry(new byte[] { 2 }, "b")]));

        Assert.Equal(AwsErrorCodes.MalformedResponse, error.ErrorCode);
        Assert.Equal("kinesis PutRecords answered 1 results for 2 entries.", error.Message);
    }

    [Fact]
    public async Task An_error_answer_spelling_code_and_Message_is_read_like_one_spelling___type_and_message()
    {
        await using var endpoint = new ScriptedAwsEndpoint(ScriptedAnswer.Json(400, """{"code": "ResourceNotFoundException", "Message": "Stream orders under account 123456789012 not found."}"""));
        var client = TestClients.Kinesis(endpoint.Url, new SocketsHttpHandler());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeStreamSummaryAsync("orders"));

        Assert.True(error.IsResourceNotFound, error.ErrorCode);
        Assert.Equal("kinesis DescribeStreamSummary failed with HTTP 400 ResourceNotFoundException: Stream orders under account 123456789012 not found.", error.Message);
    }

    [Fact]
    public async Task An_error_answer_that_is_not_JSON_gets_the_status_as_code_and_the_start_of_the_body_as_message()
    {
        await using var endpoint = new ScriptedAwsEndpoint(ScriptedAnswer.Html(400));
        var client = TestClients.Kinesis(endpoint.Url, new SocketsHttpHandler());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeStreamSummaryAsync("orders"));

        Assert.Equal("Http400", error.ErrorCode);
        Assert.Equal("kinesis DescribeStreamSummary failed with HTTP 400 Http400: <html><body><h1>Internal Server Error</h1></body></html>", error.Message);
    }
}
