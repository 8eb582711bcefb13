namespace Actors.Aws.Sns;

/// <summary>
/// What a message to a FIFO topic (name ending in <c>.fifo</c>) carries besides its body: the group whose messages keep
/// their order, and the deduplication ID by which SNS drops a message it accepted in the last 5 minutes.
/// </summary>
/// <param name="MessageGroupId">The message group: 1 to 128 ASCII letters, digits and punctuation.</param>
/// <param name="DeduplicationId">The deduplication ID: 1 to 128 ASCII letters, digits and punctuation.</param>
public sealed record SnsFifoKeys(string MessageGroupId, string DeduplicationId)
{
    /// <summary>The suffix of every FIFO topic's name (and ARN).</summary>
    public const string TopicSuffix = ".fifo";

    /// <summary>Whether <paramref name="topicNameOrArn"/> names a FIFO topic.</summary>
    public static bool IsFifoTopic(string topicNameOrArn) => topicNameOrArn.EndsWith(TopicSuffix, StringComparison.Ordinal);
}
