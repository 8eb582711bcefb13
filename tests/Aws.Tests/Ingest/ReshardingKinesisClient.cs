using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Actors.Aws;
using Actors.Aws.Kinesis;

namespace Actors.Aws.Tests.Ingest;

/// <summary>
/// An in-memory Kinesis stream with the resharding semantics of the real service (which moto 5.2.1 lacks): a split
/// or merge closes the parents, new records go to the open shard covering the key's hash, and reading a closed
/// parent to its end returns a null <c>NextShardIterator</c> with the children. Logs every read so tests can check
/// order and pacing; <see cref="Fault"/> can make a GetRecords call fail.
/// </summary>
public sealed class ReshardingKinesisClient : IKinesisClient
{
    private static readonly BigInteger MaxHash = BigInteger.Pow(2, 128) - 1;

    private readonly object _gate = new();
    private readonly List<FakeShard> _shards = [];
    private readonly List<ReadCall> _reads = [];
    private readonly List<(string ShardId, ShardIteratorType Type, string? SequenceNumber)> _iterators = [];
    private long _sequence = 1000;
    private int _nextShard;

    public ReshardingKinesisClient(int shardCount)
    {
        var width = (MaxHash + 1) / shardCount;
        for (var i = 0; i < shardCount; i++)
        {
            AddShard(width * i, i == shardCount - 1 ? MaxHash : (width * (i + 1)) - 1, []);
        }
    }

    /// <summary>Decides, per GetRecords call (shard ID, call number on that shard from 1), whether it fails and how.</summary>
    public Func<string, int, AwsServiceException?>? Fault { get; set; }

    /// <summary>Every GetRecords call so far, in order.</summary>
    public IReadOnlyList<ReadCall> Reads
    {
        get
        {
            lock (_gate)
            {
                return [.. _reads];
            }
        }
    }

    /// <summary>Every GetShardIterator call so far: shard, type and sequence number.</summary>
    public IReadOnlyList<(string ShardId, ShardIteratorType Type, string? SequenceNumber)> Iterators
    {
        get
        {
            lock (_gate)
            {
                return [.. _iterators];
            }
        }
    }

    public string ShardIdOf(int index) => $"shardId-{index:D12}";

    /// <summary>Splits the open shard in two halves of its hash range; returns the children's IDs.</summary>
    public (string Lower, string Upper) Split(string shardId)
    {
        lock (_gate)
        {
            var parent = Open(shardId);
            parent.Closed = true;
            var middle = (parent.Start + parent.End) / 2;
            return (AddShard(parent.Start, middle, [shardId]).Id, AddShard(middle + 1, parent.End, [shardId]).Id);
        }
    }

    /// <summary>Merges two adjacent open shards; returns the child's ID.</summary>
    public string Merge(string first, string second)
    {
        lock (_gate)
        {
            var a = Open(first);
            var b = Open(second);
            a.Closed = b.Closed = true;
            return AddShard(BigInteger.Min(a.Start, b.Start), BigInteger.Max(a.End, b.End), [first, second]).Id;
        }
    }

    public Task<PutRecordsResult> PutRecordsAsync(string streamName, IReadOnlyList<PutRecordsEntry> entries, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var results = new List<PutRecordsResultEntry>();
            foreach (var entry in entries)
            {
                var hash = new BigInteger(MD5.HashData(Encoding.UTF8.GetBytes(entry.PartitionKey)), isUnsigned: true, isBigEndian: true);
                var shard = _shards.Single(s => !s.Closed && s.Start <= hash && hash <= s.End);
                var sequence = (++_sequence).ToString(CultureInfo.InvariantCulture);
                shard.Records.Add(new KinesisRecord(sequence, DateTimeOffset.UtcNow, entry.PartitionKey, entry.Data.ToArray()));
                results.Add(new PutRecordsResultEntry(sequence, shard.Id, null, null));
            }
            return Task.FromResult(new PutRecordsResult(0, results));
        }
    }

    public Task<IReadOnlyList<Shard>> ListShardsAsync(string streamName, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<Shard> shards = [.. _shards.Select(s => new Shard(
                s.Id,
                s.Parents.ElementAtOrDefault(0),
                s.Parents.ElementAtOrDefault(1),
                s.Start.ToString(CultureInfo.InvariantCulture),
                s.End.ToString(CultureInfo.InvariantCulture),
                "0",
                s.Closed ? (s.Records.Count > 0 ? s.Records[^1].SequenceNumber : "0") : null))];
            return Task.FromResult(shards);
        }
    }

    public Task<string> GetShardIteratorAsync(string streamName, string shardId, ShardIteratorType type, string? sequenceNumber = null, DateTime? timestamp = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _iterators.Add((shardId, type, sequenceNumber));
            var shard = Find(shardId);
            var position = type switch
            {
                ShardIteratorType.TrimHorizon => 0,
                ShardIteratorType.Latest => shard.Records.Count,
                ShardIteratorType.AfterSequenceNumber => shard.Records.FindIndex(r => r.SequenceNumber == sequenceNumber) + 1,
                ShardIteratorType.AtSequenceNumber => shard.Records.FindIndex(r => r.SequenceNumber == sequenceNumber),
                _ => throw new NotSupportedException(type.ToString()),
            };
            return Task.FromResult($"{shardId}|{position}");
        }
    }

    public Task<GetRecordsResult> GetRecordsAsync(string shardIterator, int? limit = null, CancellationToken cancellationToken = default)
    {
        var at = DateTimeOffset.UtcNow;
        var separator = shardIterator.IndexOf('|', StringComparison.Ordinal);
        var shardId = shardIterator[..separator];
        var position = int.Parse(shardIterator[(separator + 1)..], CultureInfo.InvariantCulture);
        lock (_gate)
        {
            var shard = Find(shardId);
            var call = ++shard.Calls;
            if (Fault?.Invoke(shardId, call) is { } fault)
            {
                _reads.Add(new ReadCall(shardId, at, 0, false, fault.ErrorCode));
                throw fault;
            }
            var records = shard.Records.Skip(position).Take(limit ?? 10_000).ToList();
            var next = position + records.Count;
            var ended = shard.Closed && next == shard.Records.Count;
            var children = ended
                ? _shards.Where(s => s.Parents.Contains(shardId)).Select(s => new ChildShard(s.Id, s.Parents, s.Start.ToString(CultureInfo.InvariantCulture), s.End.ToString(CultureInfo.InvariantCulture))).ToList()
                : [];
            _reads.Add(new ReadCall(shardId, at, records.Count, ended, null));
            return Task.FromResult(new GetRecordsResult(records, ended ? null : $"{shardId}|{next}", shard.Records.Count - next, children));
        }
    }

    public Task CreateStreamAsync(string streamName, int shardCount, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<StreamSummary> DescribeStreamSummaryAsync(string streamName, CancellationToken cancellationToken = default) => throw new NotSupportedException();




    /// <summary>A AwsServiceException as the client throws it for an AWS error code.</summary>
    public static AwsServiceException Error(string errorCode) => new("kinesis", errorCode, $"{errorCode} (injected)");

    /// <summary>The code Kinesis uses for throttled reads.</summary>
    public const string Throttled = AwsErrorCodes.ProvisionedThroughputExceeded;

    private FakeShard AddShard(BigInteger start, BigInteger end, string[] parents)
    {
        var shard = new FakeShard(ShardIdOf(_nextShard++), start, end, parents);
        _shards.Add(shard);
        return shard;
    }

    private FakeShard Find(string shardId) =>
        _shards.SingleOrDefault(s => s.Id == shardId) ?? throw new AwsServiceException("kinesis", AwsErrorCodes.ResourceNotFound, $"Shard {shardId} does not exist");

    private FakeShard Open(string shardId)
    {
        var shard = Find(shardId);
        return shard.Closed ? throw new InvalidOperationException($"{shardId} is closed") : shard;
    }

    private sealed class FakeShard(string id, BigInteger start, BigInteger end, string[] parents)
    {
        public string Id { get; } = id;
        public BigInteger Start { get; } = start;
        public BigInteger End { get; } = end;
        public string[] Parents { get; } = parents;
        public List<KinesisRecord> Records { get; } = [];
        public bool Closed { get; set; }
        public int Calls { get; set; }
    }
}
