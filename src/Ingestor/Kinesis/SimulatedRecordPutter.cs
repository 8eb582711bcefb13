using Actors.Aws;
using Actors.Aws.Kinesis;
using Actors.Ingestor.Pipeline;
using Actors.Simulation;
using Microsoft.Extensions.Logging;

namespace Actors.Ingestor.Kinesis;

/// <summary>
/// Puts simulated records into a Kinesis stream instead of judging them: partition key = device ID (so a device's
/// readings stay in order in one shard), PutRecords batches of up to 500 through <see cref="KinesisPutter"/>, which
/// re-sends only the failed entries.
/// </summary>
public sealed partial class SimulatedRecordPutter(IKinesisClient kinesis, KinesisPutter putter, ILogger<SimulatedRecordPutter> logger)
{
    /// <summary>Records per PutRecords call at most.</summary>
    public const int BatchSize = KinesisLimits.MaxRecordsPerPut;

    private static readonly TimeSpan MaxBatchAge = TimeSpan.FromMilliseconds(200);

    /// <summary>Creates the stream with <paramref name="shards"/> shards unless it exists, and waits until it is active.</summary>
    public async Task EnsureStreamAsync(string streamName, int shards, CancellationToken cancellationToken)
    {
        try
        {
            if ((await kinesis.DescribeStreamSummaryAsync(streamName, cancellationToken)).Status == StreamStatus.Active)
            {
                return;
            }
        }
        catch (AwsServiceException ex) when (ex.IsResourceNotFound)
        {
            await kinesis.CreateStreamAsync(streamName, shards, cancellationToken);
            LogCreated(logger, streamName, shards);
        }
        await kinesis.WaitForStreamActiveAsync(streamName, TimeSpan.FromMinutes(2), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Puts every record in order. With <paramref name="speed"/> &gt; 0, a record is put no earlier than its event time
    /// (scaled by the speed) after <paramref name="start"/>; 0 puts as fast as possible. Returns how many records were
    /// put and how many of them were malformed on purpose. <paramref name="progress"/> is called after every batch.
    /// </summary>
    public async Task<(long Records, long Malformed)> PutAsync(
        string streamName,
        IEnumerable<SimulatedRecord> records,
        DateTime start,
        double speed,
        Action<long, DateTime>? progress,
        CancellationToken cancellationToken)
    {
        var batch = new List<PutRecordsEntry>(BatchSize);
        var wall = new SimulationPacer(start, speed);
        var lastFlush = TimeSpan.Zero;
        long put = 0, malformed = 0;
        var eventTime = start;
        foreach (var record in records)
        {
            var due = wall.WaitForAsync(record.EventTime, cancellationToken);
            if (!due.IsCompleted)
            {
                await FlushAsync();
            }
            await due;
            cancellationToken.ThrowIfCancellationRequested();
            eventTime = record.EventTime;
            batch.Add(new PutRecordsEntry(record.Payload, record.DeviceId));
            malformed += record.IsMalformed ? 1 : 0;
            if (batch.Count >= BatchSize || (speed > 0 && wall.Elapsed - lastFlush > MaxBatchAge))
            {
                await FlushAsync();
            }
        }
        await FlushAsync();
        return (put, malformed);

        async Task FlushAsync()
        {
            lastFlush = wall.Elapsed;
            if (batch.Count == 0)
            {
                return;
            }
            await putter.PutAllAsync(streamName, batch, cancellationToken);
            put += batch.Count;
            batch.Clear();
            progress?.Invoke(put, eventTime);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Created stream {StreamName} with {Shards} shards")]
    private static partial void LogCreated(ILogger logger, string streamName, int shards);
}
