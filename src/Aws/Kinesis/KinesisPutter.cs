using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Actors.Aws.Kinesis;

/// <summary>
/// Writes any number of records: in order, in <c>PutRecords</c> batches of at most
/// <see cref="KinesisLimits.MaxRecordsPerPut"/> entries and <see cref="KinesisLimits.MaxBytesPerPut"/> bytes, and
/// re-sends only the entries of a batch that failed, with exponential backoff and jitter, up to
/// <see cref="AwsOptions.MaxRetries"/> times. Re-sent entries land after the ones that succeeded, so order within a
/// partition key holds only while nothing fails.
/// </summary>
public sealed partial class KinesisPutter
{
    private readonly IKinesisClient _client;
    private readonly ResiliencePipeline<int> _pipeline;
    private readonly ILogger<KinesisPutter> _logger;

    /// <summary>Creates a putter over <paramref name="client"/>.</summary>
    /// <param name="client">The client that sends each batch.</param>
    /// <param name="options">How often and how patiently failed entries are re-sent.</param>
    /// <param name="logger">Where re-sends are logged.</param>
    public KinesisPutter(IKinesisClient client, IOptions<AwsOptions> options, ILogger<KinesisPutter> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        AwsOptionsValidator.ThrowIfInvalid(options.Value);
        _client = client;
        _logger = logger;
        _pipeline = BuildPipeline(options.Value);
    }

    /// <summary>
    /// Writes every entry to <paramref name="streamName"/> and returns one result per entry, in the order given.
    /// Throws <see cref="AwsServiceException"/> naming how many records were lost when entries still fail after all
    /// retries (later batches are then not sent), or when a whole <c>PutRecords</c> call fails for good.
    /// </summary>
    /// <param name="streamName">The stream's name.</param>
    /// <param name="entries">The records; each at most <see cref="KinesisLimits.MaxRecordBytes"/> with its key.</param>
    /// <param name="cancellationToken">Cancels the writes and waits.</param>
    public async Task<IReadOnlyList<PutRecordsResultEntry>> PutAllAsync(
        string streamName,
        IReadOnlyList<PutRecordsEntry> entries,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        ArgumentNullException.ThrowIfNull(entries);
        var sizes = new int[entries.Count];
        for (var index = 0; index < entries.Count; index++)
        {
            sizes[index] = CheckEntry(entries[index], index, nameof(entries));
        }
        var results = new PutRecordsResultEntry[entries.Count];
        foreach (var (start, count) in Batches(sizes))
        {
            var (failed, attempts, lastFailure) = await PutBatchAsync(streamName, entries, start, count, results, cancellationToken).ConfigureAwait(false);
            if (failed > 0)
            {
                var notSent = entries.Count - start - count;
                var lost = failed + notSent;
                LogRecordsLost(_logger, streamName, lost, entries.Count, attempts, lastFailure?.ErrorCode);
                throw new AwsServiceException(
                    "kinesis",
                    lastFailure?.ErrorCode ?? AwsErrorCodes.ProvisionedThroughputExceeded,
                    $"{lost} of {entries.Count} records were not written to stream '{streamName}': {failed} still failed after {attempts} attempt(s) " +
                    $"(last error {lastFailure?.ErrorCode}: {lastFailure?.ErrorMessage})" +
                    (notSent > 0 ? $" and the {notSent} after them were not sent." : "."));
            }
        }
        return results;
    }

    /// <summary>Checks one entry against the Kinesis limits and returns its size as Kinesis counts it.</summary>
    internal static int CheckEntry(PutRecordsEntry? entry, int index, string parameterName)
    {
        if (entry is null)
        {
            throw new ArgumentException($"Entry {index} is null.", parameterName);
        }
        if (string.IsNullOrEmpty(entry.PartitionKey) || entry.PartitionKey.Length > KinesisLimits.MaxPartitionKeyLength)
        {
            throw new ArgumentException($"Entry {index} needs a partition key of 1 to {KinesisLimits.MaxPartitionKeyLength} characters.", parameterName);
        }
        var size = KinesisLimits.SizeOf(entry);
        if (size > KinesisLimits.MaxRecordBytes)
        {
            throw new ArgumentException($"Entry {index} has {size} bytes of data and partition key; Kinesis takes at most {KinesisLimits.MaxRecordBytes}.", parameterName);
        }
        return size;
    }

    /// <summary>Cuts consecutive entries into batches that respect both <c>PutRecords</c> limits.</summary>
    internal static IEnumerable<(int Start, int Count)> Batches(IReadOnlyList<int> sizes)
    {
        var start = 0;
        var bytes = 0L;
        for (var index = 0; index < sizes.Count; index++)
        {
            var count = index - start;
            if (count == KinesisLimits.MaxRecordsPerPut || (count > 0 && bytes + sizes[index] > KinesisLimits.MaxBytesPerPut))
            {
                yield return (start, count);
                start = index;
                bytes = 0;
            }
            bytes += sizes[index];
        }
        if (start < sizes.Count)
        {
            yield return (start, sizes.Count - start);
        }
    }

    private async Task<(int Failed, int Attempts, PutRecordsResultEntry? LastFailure)> PutBatchAsync(
        string streamName,
        IReadOnlyList<PutRecordsEntry> entries,
        int start,
        int count,
        PutRecordsResultEntry[] results,
        CancellationToken cancellationToken)
    {
        var pending = Enumerable.Range(start, count).ToList();
        var attempts = 0;
        PutRecordsResultEntry? lastFailure = null;
        var failed = await _pipeline.ExecuteAsync(async token =>
        {
            attempts++;
            var batch = pending.Select(index => entries[index]).ToList();
            var outcome = await _client.PutRecordsAsync(streamName, batch, token).ConfigureAwait(false);
            if (outcome.Records.Count != batch.Count)
            {
                throw new AwsServiceException("kinesis", AwsErrorCodes.MalformedResponse, $"PutRecords answered {outcome.Records.Count} results for {batch.Count} entries.");
            }
            var stillFailing = new List<int>();
            for (var position = 0; position < batch.Count; position++)
            {
                var result = outcome.Records[position];
                if (result.Succeeded)
                {
                    results[pending[position]] = result;
                }
                else
                {
                    stillFailing.Add(pending[position]);
                    lastFailure = result;
                }
            }
            pending = stillFailing;
            return pending.Count;
        }, cancellationToken).ConfigureAwait(false);
        return (failed, attempts, lastFailure);
    }

    private ResiliencePipeline<int> BuildPipeline(AwsOptions options)
    {
        if (options.MaxRetries == 0)
        {
            return ResiliencePipeline<int>.Empty;
        }
        var retry = new RetryStrategyOptions<int>
        {
            ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is null && args.Outcome.Result > 0),
            OnRetry = args =>
            {
                LogResendingFailed(_logger, args.Outcome.Result, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
        }.WithBackoff(options);
        return new ResiliencePipelineBuilder<int>().AddRetry(retry).Build();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "PutRecords left {FailedCount} entries unwritten; re-sending them (retry {Retry}) in {DelayMs:0} ms")]
    private static partial void LogResendingFailed(ILogger logger, int failedCount, int retry, double delayMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{LostCount} of {TotalCount} records were not written to stream {StreamName} after {Attempts} attempts (last error {ErrorCode})")]
    private static partial void LogRecordsLost(ILogger logger, string streamName, int lostCount, int totalCount, int attempts, string? errorCode);
}
