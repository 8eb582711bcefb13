using System.Text.Json;
using Actors.Aws;
using Actors.Aws.Sns;
using Actors.TestSupport;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Actors.Cluster.Tests.Crash;

/// <summary>
/// A FIFO SNS topic on moto with a FIFO SQS queue subscribed to it (raw delivery), and every alert ID that arrived, each
/// as often as it arrived: where a crash test sees what reached the notification topic. FIFO, because only a FIFO topic
/// drops a notification that a notifier delivers again after its silo died between SNS accepting it and the notifier
/// recording that; a standard topic passes such a notification on twice.
/// </summary>
public sealed class AlertInbox : IDisposable
{
    private readonly AmazonSQSClient _sqs;
    private readonly string _queueUrl;
    private readonly List<string> _alertIds = [];

    private AlertInbox(AmazonSQSClient sqs, string queueUrl, string topicArn)
    {
        _sqs = sqs;
        _queueUrl = queueUrl;
        TopicArn = topicArn;
    }

    public string TopicArn { get; }

    /// <summary>The alert ID of every notification received so far, duplicates included, in arrival order.</summary>
    public IReadOnlyList<string> AlertIds => _alertIds;

    public static async Task<AlertInbox> CreateAsync(MotoServer moto, string name)
    {
        name += SnsFifoKeys.TopicSuffix;
        using var http = new HttpClient();
        var sns = new SnsClient(http, Options.Create(new AwsOptions { ServiceUrl = moto.ServiceUrl.ToString(), Region = MotoServer.Region }), NullLogger<SnsClient>.Instance);
        var sqs = new AmazonSQSClient(new AmazonSQSConfig { ServiceURL = moto.ServiceUrl.ToString(), AuthenticationRegion = MotoServer.Region });
        var topicArn = await sns.CreateTopicAsync(name);
        var queueUrl = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = new() { ["FifoQueue"] = "true" } })).QueueUrl;
        var queueArn = (await sqs.GetQueueAttributesAsync(queueUrl, ["QueueArn"])).QueueARN;
        await sns.SubscribeAsync(topicArn, "sqs", queueArn, rawMessageDelivery: true);
        return new AlertInbox(sqs, queueUrl, topicArn);
    }

    /// <summary>
    /// Receives what is in the queue (deleting it, so each message is counted once) until a receive comes back empty.
    /// Each notification must carry one anomaly (the notifiers run with no cooldown), so its alert ID names it.
    /// </summary>
    public async Task DrainAsync()
    {
        while (true)
        {
            var response = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = _queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 });
            var messages = response.Messages ?? [];
            if (messages.Count == 0)
            {
                return;
            }
            foreach (var message in messages)
            {
                using var notification = JsonDocument.Parse(message.Body);
                var count = notification.RootElement.GetProperty("Count").GetInt32();
                if (count != 1)
                {
                    throw new InvalidOperationException($"a notification folded {count} anomalies; the crash test's notifiers must run with Notifier:Cooldown=0: {message.Body}");
                }
                _alertIds.Add(notification.RootElement.GetProperty("Anomaly").GetProperty("AlertId").GetString()!);
                await _sqs.DeleteMessageAsync(_queueUrl, message.ReceiptHandle);
            }
        }
    }

    public void Dispose() => _sqs.Dispose();
}
