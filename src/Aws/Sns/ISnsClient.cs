namespace Actors.Aws.Sns;

/// <summary>
/// The SNS operations this project uses. <see cref="SnsClient"/> implements them on AWSSDK.Core; an adapter over
/// the official AWSSDK.SimpleNotificationService package can replace it by changing one registration.
/// Every method throws <see cref="AwsServiceException"/> when the call fails for good.
/// </summary>
public interface ISnsClient
{
    /// <summary>
    /// Creates a topic, or finds the existing one of that name, and returns its ARN: a FIFO topic when the name ends in
    /// <c>.fifo</c> (see <see cref="SnsFifoKeys"/>), else a standard one.
    /// </summary>
    /// <param name="name">The topic's name: letters, digits, hyphens and underscores, up to 256 (with <c>.fifo</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> CreateTopicAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Publishes one message to a topic and returns the message ID SNS gave it.</summary>
    /// <param name="topicArn">The topic's ARN.</param>
    /// <param name="subject">The subject for e-mail and JSON-enveloped subscribers; <see langword="null"/> for none.</param>
    /// <param name="message">The message body.</param>
    /// <param name="stringAttributes">Message attributes, all of data type <c>String</c>; at most 10.</param>
    /// <param name="fifo">The message group and deduplication ID; required by a FIFO topic, refused by a standard one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> PublishAsync(
        string topicArn,
        string? subject,
        string message,
        IReadOnlyDictionary<string, string>? stringAttributes = null,
        SnsFifoKeys? fifo = null,
        CancellationToken cancellationToken = default);

    /// <summary>Subscribes an endpoint to a topic and returns the subscription's ARN.</summary>
    /// <param name="topicArn">The topic's ARN.</param>
    /// <param name="protocol">The endpoint's protocol: <c>sqs</c>, <c>https</c>, <c>email</c>, <c>lambda</c>, ...</param>
    /// <param name="endpoint">The endpoint: a queue ARN, URL, address, ...</param>
    /// <param name="rawMessageDelivery">Deliver the bare message (and attributes) instead of the JSON envelope.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> SubscribeAsync(
        string topicArn,
        string protocol,
        string endpoint,
        bool rawMessageDelivery = false,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a topic and its subscriptions.</summary>
    /// <param name="topicArn">The topic's ARN.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteTopicAsync(string topicArn, CancellationToken cancellationToken = default);
}
