using Actors.Aws.Kinesis;

namespace Actors.Aws.Tests.Kinesis;

/// <summary>
/// An <see cref="IKinesisClient"/> whose <c>PutRecords</c> fails the entries a rule picks and records every batch;
/// the other operations are not used by the putter.
/// </summary>
public sealed class FakeKinesisClient(Func<int, PutRecordsEntry, bool> fails) : IKinesisClient
{
    private long _sequence;

    public List<IReadOnlyList<PutRecordsEntry>> Batches { get; } = [];

    public Task<PutRecordsResult> PutRecordsAsync(string streamName, IReadOnlyList<PutRecordsEntry> entries, CancellationToken cancellationToken = default)
    {
        var call = Batches.Count;
        Batches.Add(entries);
        var results = entries
            .Select(entry => fails(call, entry)
                ? new PutRecordsResultEntry(null, null, "ProvisionedThroughputExceededException", "Rate exceeded")
                : new PutRecordsResultEntry((++_sequence).ToString(System.Globalization.CultureInfo.InvariantCulture), "shardId-000000000000", null, null))
            .ToList();
        return Task.FromResult(new PutRecordsResult(results.Count(result => !result.Succeeded), results));
    }

    public Task CreateStreamAsync(string streamName, int shardCount, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<StreamSummary> DescribeStreamSummaryAsync(string streamName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<Shard>> ListShardsAsync(string streamName, int? pageSize = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<string> GetShardIteratorAsync(string streamName, string shardId, ShardIteratorType type, string? sequenceNumber = null, DateTime? timestamp = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<GetRecordsResult> GetRecordsAsync(string shardIterator, int? limit = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
