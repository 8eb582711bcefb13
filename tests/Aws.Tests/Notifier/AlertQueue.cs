using Actors.Aws.Sns;
using Actors.TestSupport;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Actors.Aws.Tests.Notifier;

/// <summary>An SNS topic on moto with an SQS queue subscribed to it (raw delivery): where a test sees what the SNS sink published.</summary>
public sealed class AlertQueue : IDisposable
{
    private readonly AmazonSQSClient _sqs;
    private readonly string _queueUrl;

    private AlertQueue(AmazonSQSClient sqs, string queueUrl, string topicArn)
    {
        _sqs = sqs;
        _queueUrl = queueUrl;
        TopicArn = topicArn;
    }

    public string TopicArn { get; }

    public static async Task<AlertQueue> CreateAsync(MotoServer moto, string name)
    {
        var sns = new SnsClient(new HttpClient(), Options.Create(new AwsOptions { ServiceUrl = moto.ServiceUrl.ToString(), Region = MotoServer.Region }), NullLogger<SnsClient>.Instance);
        var sqs = new AmazonSQSClient(new AmazonSQSConfig { ServiceURL = moto.ServiceUrl.ToString(), AuthenticationRegion = MotoServer.Region });
        var topicArn = await sns.CreateTopicAsync(name);
        var queueUrl = (await sqs.CreateQueueAsync(name)).QueueUrl;
        var queueArn = (await sqs.GetQueueAttributesAsync(queueUrl, ["QueueArn"])).QueueARN;
        await sns.SubscribeAsync(topicArn, "sqs", queueArn, rawMessageDelivery: true);
        return new AlertQueue(sqs, queueUrl, topicArn);
    }

    /// <summary>The messages that arrived within a second (at most 10), deleted from the queue so they are seen once.</summary>
    public async Task<List<Message>> ReceiveAsync()
    {
        var response = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = _queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 });
        var messages = response.Messages ?? [];
        foreach (var message in messages)
        {
            await _sqs.DeleteMessageAsync(_queueUrl, message.ReceiptHandle);
        }
        return messages;
    }

    /// <summary>
    /// Reads until <paramref name="count"/> messages that <paramref name="keep"/> accepts have arrived, counting
    /// <paramref name="received"/> before, then reads once more, so that a message too many is seen as well.
    /// </summary>
    public async Task<List<Message>> ReceiveAtLeastAsync(int count, string what, IEnumerable<Message>? received = null, Func<Message, bool>? keep = null)
    {
        var all = new List<Message>(received ?? []);
        async Task ReadAsync() => all.AddRange((await ReceiveAsync()).Where(keep ?? (_ => true)));
        await Eventually.Until(async () =>
        {
            await ReadAsync();
            return all.Count >= count;
        }, TimeSpan.FromSeconds(60), $"{count} {what} on the queue (have {all.Count})");
        await ReadAsync();
        return all;
    }

    public void Dispose() => _sqs.Dispose();
}
