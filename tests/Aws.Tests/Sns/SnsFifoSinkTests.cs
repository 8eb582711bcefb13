using System.Text.Json;
using Actors.Aws.Sns;
using Actors.Aws.Tests.Kinesis;
using Actors.Detection.Device;
using Actors.Grains.Interfaces;
using Actors.Hosting.Sinks;
using Actors.TestSupport;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Options;
using Xunit;

namespace Actors.Aws.Tests.Sns;

/// <summary>
/// The SNS sink on a FIFO topic: a notification delivered again (as after a silo died between SNS accepting it and the
/// notifier recording that) reaches a FIFO queue subscribed to the topic once.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class SnsFifoSinkTests(MotoServer moto) : IDisposable
{
    private readonly AmazonSQSClient _sqs = new(
        new BasicAWSCredentials("test", "test"),
        new AmazonSQSConfig { ServiceURL = moto.ServiceUrl.ToString(), AuthenticationRegion = MotoServer.Region });

    public void Dispose() => _sqs.Dispose();

    [Fact]
    public async Task A_notification_sent_again_reaches_a_FIFO_queue_once()
    {
        var suffix = Guid.NewGuid().ToString("N");
        var client = TestClients.Sns(moto.ServiceUrl, new SocketsHttpHandler());
        var topicArn = await client.CreateTopicAsync($"alerts-{suffix}.fifo");
        var queueUrl = (await _sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = $"alerts-{suffix}.fifo", Attributes = new() { ["FifoQueue"] = "true" } })).QueueUrl;
        var queueArn = (await _sqs.GetQueueAttributesAsync(queueUrl, ["QueueArn"])).QueueARN;
        await client.SubscribeAsync(topicArn, "sqs", queueArn, rawMessageDelivery: true);
        var sink = new SnsNotificationSink(client, Options.Create(new SnsSinkOptions { TopicArn = topicArn }));
        var first = Notification("M-001", new DateTime(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc));
        var second = Notification("M-001", new DateTime(2026, 2, 17, 12, 0, 20, DateTimeKind.Utc));

        await sink.SendAsync([first], CancellationToken.None);
        await sink.SendAsync([first, second], CancellationToken.None);

        var received = new List<string>();
        await Eventually.Until(async () =>
        {
            received.AddRange(await ReceiveAsync(queueUrl));
            return received.Count >= 2;
        }, TimeSpan.FromSeconds(20), "two notifications in the FIFO queue");
        received.AddRange(await ReceiveAsync(queueUrl));
        Assert.Equal([first.NotificationId, second.NotificationId], received);
    }

    private async Task<IEnumerable<string>> ReceiveAsync(string queueUrl)
    {
        var answer = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 });
        var ids = new List<string>();
        foreach (var message in answer.Messages ?? [])
        {
            ids.Add(JsonDocument.Parse(message.Body).RootElement.GetProperty("NotificationId").GetString()!);
            await _sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle);
        }
        return ids;
    }

    private static Notification Notification(string device, DateTime time)
    {
        var alertId = AlertIds.For(device, "temperature", AnomalyType.Threshold, time);
        return new Notification
        {
            NotificationId = alertId,
            Count = 1,
            FirstTargetTime = time,
            LastTargetTime = time,
            Anomaly = new Anomaly
            {
                AlertId = alertId, AnomalyType = AnomalyType.Threshold, TargetTime = time, MeasuredValue = 35, UpperLimit = 30,
                DeviceId = device, Metric = "temperature",
            },
        };
    }
}
