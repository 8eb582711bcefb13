namespace Actors.Aws.Kinesis;

/// <summary>
/// The Kinesis Data Streams operations this project uses. <see cref="KinesisClient"/> implements them on
/// AWSSDK.Core; an adapter over the official AWSSDK.Kinesis package can replace it by changing one registration.
/// Every method throws <see cref="AwsServiceException"/> when the call fails for good.
/// </summary>
public interface IKinesisClient
{
    /// <summary>Creates a provisioned stream; it starts in <see cref="StreamStatus.Creating"/>.</summary>
    /// <param name="streamName">The new stream's name.</param>
    /// <param name="shardCount">How many shards it starts with (at least 1).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task CreateStreamAsync(string streamName, int shardCount, CancellationToken cancellationToken = default);

    /// <summary>Describes a stream: state, open shard count and ARN.</summary>
    /// <param name="streamName">The stream's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<StreamSummary> DescribeStreamSummaryAsync(string streamName, CancellationToken cancellationToken = default);

    /// <summary>Lists every shard of a stream, open and closed, following <c>NextToken</c> until the last page.</summary>
    /// <param name="streamName">The stream's name.</param>
    /// <param name="pageSize">How many shards to ask for per call (1 to 10,000); <see langword="null"/> for the service's default.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    Task<IReadOnlyList<Shard>> ListShardsAsync(string streamName, int? pageSize = null, CancellationToken cancellationToken = default);

    /// <summary>Gets an iterator to read one shard from the given position; it expires five minutes after it was issued.</summary>
    /// <param name="streamName">The stream's name.</param>
    /// <param name="shardId">The shard to read.</param>
    /// <param name="type">Where to start.</param>
    /// <param name="sequenceNumber">The sequence number for <see cref="ShardIteratorType.AtSequenceNumber"/> and <see cref="ShardIteratorType.AfterSequenceNumber"/>.</param>
    /// <param name="timestamp">The time for <see cref="ShardIteratorType.AtTimestamp"/>; an unspecified kind is taken as UTC.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> GetShardIteratorAsync(
        string streamName,
        string shardId,
        ShardIteratorType type,
        string? sequenceNumber = null,
        DateTime? timestamp = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the next page of records at <paramref name="shardIterator"/>. An expired iterator is not retried: it
    /// throws <see cref="AwsServiceException"/> with <see cref="AwsServiceException.IsExpiredIterator"/>.
    /// </summary>
    /// <param name="shardIterator">The iterator from <see cref="GetShardIteratorAsync"/> or the previous page.</param>
    /// <param name="limit">At most this many records (1 to 10,000); <see langword="null"/> for the service's default.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<GetRecordsResult> GetRecordsAsync(string shardIterator, int? limit = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes up to <see cref="KinesisLimits.MaxRecordsPerPut"/> records in one call. Single entries may fail while
    /// others succeed; the result says which, in the order given. <see cref="KinesisPutter"/> batches any number of
    /// records and retries the failed ones.
    /// </summary>
    /// <param name="streamName">The stream's name.</param>
    /// <param name="entries">1 to 500 records, at most 5 MiB together.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PutRecordsResult> PutRecordsAsync(string streamName, IReadOnlyList<PutRecordsEntry> entries, CancellationToken cancellationToken = default);
}
