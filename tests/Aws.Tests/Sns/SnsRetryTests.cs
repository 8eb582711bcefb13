using System.Net;
using Actors.Aws.Sns;
using Actors.Aws.Tests.Kinesis;
using Actors.TestSupport;
using Xunit;

namespace Actors.Aws.Tests.Sns;

/// <summary>Signing, form encoding, retries and error reading of the SNS client, against a scripted local endpoint.</summary>
[Collection(MotoCollection.Name)]
public sealed class SnsRetryTests
{
    private const string PublishAnswer = """
        <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-42</MessageId></PublishResult>
        <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>
        """;

    private const string ThrottlingAnswer = """
        <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>Throttling</Code>
        <Message>Rate exceeded</Message></Error><RequestId>r-0</RequestId></ErrorResponse>
        """;

    [Fact]
    public async Task Throttling_is_retried_and_the_request_is_a_signed_form_for_sns()
    {
        await using var endpoint = new ScriptedAwsEndpoint(ScriptedAnswer.Xml(400, ThrottlingAnswer), ScriptedAnswer.Xml(200, PublishAnswer));
        var client = TestClients.Sns(endpoint.Url, new SocketsHttpHandler());

        var messageId = await client.PublishAsync(
            "arn:aws:sns:us-east-1:123456789012:alerts",
            "Subject line",
            "a&b=c d",
            new Dictionary<string, string> { ["Metric"] = "thickness" });

        Assert.Equal("m-42", messageId);
        Assert.Equal(2, endpoint.Requests.Count);
        var request = endpoint.Requests[1];
        Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"));
        Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=[^/]+/\d{8}/us-east-1/sns/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$", request.Header("Authorization"));
        var form = request.Body.Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));
        Assert.Equal("Publish", form["Action"]);
        Assert.Equal("2010-03-31", form["Version"]);
        Assert.Equal("a&b=c d", form["Message"]);
        Assert.Equal("Subject line", form["Subject"]);
        Assert.Equal("Metric", form["MessageAttributes.entry.1.Name"]);
        Assert.Equal("String", form["MessageAttributes.entry.1.Value.DataType"]);
        Assert.Equal("thickness", form["MessageAttributes.entry.1.Value.StringValue"]);
        SigV4Verifier.Verify(request, Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY")!, "us-east-1", "sns");
    }

    [Fact]
    public async Task Persistent_throttling_surfaces_after_MaxRetries_with_code_and_inner_exception()
    {
        await using var endpoint = new ScriptedAwsEndpoint(ScriptedAnswer.Xml(400, ThrottlingAnswer));
        var client = TestClients.Sns(endpoint.Url, new SocketsHttpHandler(), maxRetries: 2);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.CreateTopicAsync("alerts"));

        Assert.Equal("Throttling", error.ErrorCode);
        Assert.True(error.IsThrottling);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("Rate exceeded", error.Message);
        Assert.Equal("sns", error.Service);
        Assert.Equal(3, endpoint.Requests.Count);
    }

    [Fact]
    public async Task Refused_connections_surface_as_transport_error_after_the_retries()
    {
        var handler = new RecordingHandler();
        var client = TestClients.Sns(new Uri($"http://127.0.0.1:{MotoServer.FreePort()}/"), handler, maxRetries: 1);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.DeleteTopicAsync("arn:aws:sns:us-east-1:123456789012:alerts"));

        Assert.Equal(AwsErrorCodes.TransportError, error.ErrorCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(2, handler.Attempts);
    }
}
