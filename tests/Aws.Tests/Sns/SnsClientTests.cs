using System.Net;
using System.Text.Json;
using Actors.Aws.Sns;
using Actors.Aws.Tests.Kinesis;
using Actors.TestSupport;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Xunit;

namespace Actors.Aws.Tests.Sns;

[Collection(MotoCollection.Name)]
public sealed class SnsClientTests(MotoServer moto) : IDisposable
{
    private readonly AmazonSQSClient _sqs = new(
        new BasicAWSCredentials("test", "test"),
        new AmazonSQSConfig { ServiceURL = moto.ServiceUrl.ToString(), AuthenticationRegion = MotoServer.Region });

    private SnsClient NewClient() => TestClients.Sns(moto.ServiceUrl, new SocketsHttpHandler());

    public void Dispose() => _sqs.Dispose();

    private async Task<(string Url, string Arn)> CreateQueueAsync(string name)
    {
        var url = (await _sqs.CreateQueueAsync(name)).QueueUrl;
        var attributes = await _sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = ["QueueArn"] });
        return (url, attributes.Attributes["QueueArn"]);
    }

    private async Task<List<Message>> ReceiveAllAsync(string queueUrl, int expected)
    {
        var messages = new List<Message>();
        await Eventually.Until(async () =>
        {
            var received = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = queueUrl,
                MaxNumberOfMessages = 10,
                WaitTimeSeconds = 1,
                MessageAttributeNames = ["All"],
            });
            messages.AddRange(received.Messages ?? []);
            return messages.Count >= expected;
        }, TimeSpan.FromSeconds(20), $"{expected} message(s) on {queueUrl}");
        var extra = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 });
        messages.AddRange(extra.Messages ?? []);
        return messages;
    }

    [Fact]
    public async Task Published_message_reaches_a_raw_and_an_enveloped_SQS_subscriber_exactly_once()
    {
        var client = NewClient();
        var suffix = Guid.NewGuid().ToString("N");
        var topicArn = await client.CreateTopicAsync($"alerts-{suffix}");
        var raw = await CreateQueueAsync($"raw-{suffix}");
        var enveloped = await CreateQueueAsync($"enveloped-{suffix}");
        var rawSubscription = await client.SubscribeAsync(topicArn, "sqs", raw.Arn, rawMessageDelivery: true);
        var envelopedSubscription = await client.SubscribeAsync(topicArn, "sqs", enveloped.Arn);
        const string body = """{"AnomalyType": "Confirmed", "DeviceId": "M-001", "Metric": "thickness", "Note": "a&b=c+d ü"}""";
        var attributes = new Dictionary<string, string> { ["DeviceId"] = "M-001", ["AnomalyType"] = "Confirmed" };

        var messageId = await client.PublishAsync(topicArn, "Anomaly on M-001", body, attributes);

        Assert.StartsWith(topicArn + ":", rawSubscription);
        Assert.NotEqual(rawSubscription, envelopedSubscription);
        Assert.False(string.IsNullOrEmpty(messageId));

        var rawMessage = Assert.Single(await ReceiveAllAsync(raw.Url, 1));
        Assert.Equal(body, rawMessage.Body);
        Assert.Equal("M-001", rawMessage.MessageAttributes["DeviceId"].StringValue);
        Assert.Equal("Confirmed", rawMessage.MessageAttributes["AnomalyType"].StringValue);
        Assert.Equal("String", rawMessage.MessageAttributes["DeviceId"].DataType);

        var envelope = JsonDocument.Parse(Assert.Single(await ReceiveAllAsync(enveloped.Url, 1)).Body).RootElement;
        Assert.Equal(messageId, envelope.GetProperty("MessageId").GetString());
        Assert.Equal("Anomaly on M-001", envelope.GetProperty("Subject").GetString());
        Assert.Equal(body, envelope.GetProperty("Message").GetString());
        Assert.Equal("M-001", envelope.GetProperty("MessageAttributes").GetProperty("DeviceId").GetProperty("Value").GetString());
    }

    [Fact]
    public async Task Publishing_to_an_unknown_topic_surfaces_as_AwsServiceException_not_found()
    {
        var client = NewClient();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            client.PublishAsync($"arn:aws:sns:us-east-1:123456789012:missing-{Guid.NewGuid():N}", null, "hello"));

        Assert.Equal(AwsErrorCodes.NotFound, error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("sns", error.Service);
        Assert.StartsWith("sns Publish failed with HTTP 404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_topic_can_no_longer_be_published_to()
    {
        var client = NewClient();
        var topicArn = await client.CreateTopicAsync($"short-lived-{Guid.NewGuid():N}");

        await client.DeleteTopicAsync(topicArn);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.PublishAsync(topicArn, null, "hello"));
        Assert.Equal(AwsErrorCodes.NotFound, error.ErrorCode);
    }
}
