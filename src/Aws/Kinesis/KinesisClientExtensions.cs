namespace Actors.Aws.Kinesis;

/// <summary>Helpers over any <see cref="IKinesisClient"/>.</summary>
public static class KinesisClientExtensions
{
    /// <summary>How often <see cref="WaitForStreamActiveAsync"/> asks by default: every second.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Asks for the stream's summary until it is <see cref="StreamStatus.Active"/> and returns that summary;
    /// throws <see cref="TimeoutException"/> naming the stream and its last state when <paramref name="timeout"/> passes.
    /// </summary>
    /// <param name="client">The client to ask with.</param>
    /// <param name="streamName">The stream's name.</param>
    /// <param name="timeout">How long to wait at most.</param>
    /// <param name="pollInterval">How long to wait between two questions; defaults to <see cref="DefaultPollInterval"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task<StreamSummary> WaitForStreamActiveAsync(
        this IKinesisClient client,
        string streamName,
        TimeSpan timeout,
        TimeSpan? pollInterval = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        var interval = pollInterval ?? DefaultPollInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(pollInterval));
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var summary = await client.DescribeStreamSummaryAsync(streamName, cancellationToken).ConfigureAwait(false);
            if (summary.Status == StreamStatus.Active)
            {
                return summary;
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Stream '{streamName}' was still {summary.Status} after {timeout}.");
            }
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
