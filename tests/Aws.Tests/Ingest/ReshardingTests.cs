using Actors.Aws.Kinesis;
using Actors.Aws.Tests.Kinesis;
using Actors.Grains.Interfaces;
using Actors.Ingestor.Kinesis;
using Actors.TestSupport;
using Xunit;

namespace Actors.Aws.Tests.Ingest;

/// <summary>
/// Resharding, throttling and expired iterators with AWS semantics, on <see cref="ReshardingKinesisClient"/> (moto
/// 5.2.1 keeps routing records into a split parent and never ends it), against a real two-silo cluster.
/// </summary>
public sealed class ReshardingTests(IngestClusterFixture cluster) : IClassFixture<IngestClusterFixture>, IDisposable
{
    private static readonly TimeSpan MinPollGap = TimeSpan.FromMilliseconds(180);
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(15);

    private readonly string _deadLetters = Path.Combine(Path.GetTempPath(), $"dead-letter-{Guid.NewGuid():N}.ndjson");

    private IGrainFactory Grains => cluster.Grains;

    public void Dispose() => File.Delete(_deadLetters);

    [Fact]
    public async Task After_a_split_the_children_are_read_from_their_start_only_once_the_parent_ended()
    {
        var kinesis = new ReshardingKinesisClient(1);
        var fleet = new TestFleet("rs-split", 6);
        var parent = kinesis.ShardIdOf(0);
        await using var worker = StartWorker(kinesis, "rs-split", settings =>
        {
            settings["Kinesis:MaxRecordsPerCall"] = "20";
            settings["Kinesis:InitialPosition"] = "Latest";
        });
        await Eventually.Until(() => kinesis.Iterators.Count > 0, TimeSpan.FromSeconds(10), "the worker to open the parent at LATEST");
        await PutAsync(kinesis, fleet.Readings(0, 30));
        await Eventually.Until(() => worker.Worker.Summary.Records >= 40, TimeSpan.FromSeconds(10), "the worker to be reading the parent");

        var (lower, upper) = kinesis.Split(parent);
        await PutAsync(kinesis, fleet.Readings(30, 60));
        await Judged.UntilAcceptedAsync(Grains, fleet, 60, "after the split");

        await Judged.AssertExactlyAsync(Grains, fleet, accepted: 60, duplicates: 0);
        Assert.Equal(360, worker.Worker.Summary.Records);
        var reads = kinesis.Reads;
        var parentEnd = Assert.Single(reads, r => r.ShardId == parent && r.ShardEnd);
        Assert.True(reads.Where(r => r.ShardId == parent).Sum(r => r.Records) == 180, "the parent holds the first 180 records");
        Assert.All(reads.Where(r => r.ShardId == lower || r.ShardId == upper), r => Assert.True(r.At >= parentEnd.At, $"{r.ShardId} was read before its parent ended"));
        Assert.All(kinesis.Iterators.Where(i => i.ShardId != parent), i => Assert.Equal(ShardIteratorType.TrimHorizon, i.Type));
        AssertPaced(reads);
        var leases = await LeasesAsync(worker);
        Assert.True(leases.Shards.Single(s => s.ShardId == parent).Finished);
        Assert.All(leases.Shards.Where(s => s.ShardId != parent), s => Assert.True(s.ParentShardIds.SequenceEqual([parent]) && !s.Finished));
    }

    [Fact]
    public async Task After_a_merge_the_child_waits_for_both_parents()
    {
        var kinesis = new ReshardingKinesisClient(2);
        var fleet = new TestFleet("rs-merge", 8);
        await PutAsync(kinesis, fleet.Readings(0, 25));
        await using var worker = StartWorker(kinesis, "rs-merge", settings => settings["Kinesis:MaxRecordsPerCall"] = "10");
        await Eventually.Until(() => worker.Worker.Summary.Records >= 20, TimeSpan.FromSeconds(10), "the worker to be reading both parents");

        var child = kinesis.Merge(kinesis.ShardIdOf(0), kinesis.ShardIdOf(1));
        await PutAsync(kinesis, fleet.Readings(25, 50));
        await Judged.UntilAcceptedAsync(Grains, fleet, 50, "after the merge");

        await Judged.AssertExactlyAsync(Grains, fleet, accepted: 50, duplicates: 0);
        Assert.Equal(400, worker.Worker.Summary.Records);
        var reads = kinesis.Reads;
        var lastParentEnd = reads.Where(r => r.ShardEnd && r.ShardId != child).Max(r => r.At);
        Assert.Equal(2, reads.Count(r => r.ShardEnd && r.ShardId != child));
        Assert.All(reads.Where(r => r.ShardId == child), r => Assert.True(r.At >= lastParentEnd, "the child was read before both parents ended"));
        Assert.Equal(200, reads.Where(r => r.ShardId == child).Sum(r => r.Records));
        AssertPaced(reads);
    }

    [Fact]
    public async Task A_throttled_read_backs_off_and_an_expired_iterator_is_renewed_from_the_checkpoint()
    {
        var kinesis = new ReshardingKinesisClient(1)
        {
            Fault = (_, call) => call switch
            {
                2 => ReshardingKinesisClient.Error(ReshardingKinesisClient.Throttled),
                4 => ReshardingKinesisClient.Error(AwsErrorCodes.ExpiredIterator),
                _ => null,
            },
        };
        var fleet = new TestFleet("rs-faults", 5);
        var results = await PutAsync(kinesis, fleet.Readings(0, 12));
        await using var worker = StartWorker(kinesis, "rs-faults", settings => settings["Kinesis:MaxRecordsPerCall"] = "10");

        await Judged.UntilAcceptedAsync(Grains, fleet, 12, "through a throttle and an expired iterator");

        await Judged.AssertExactlyAsync(Grains, fleet, accepted: 12, duplicates: 0);
        Assert.Equal(60, worker.Worker.Summary.Records);
        var reads = kinesis.Reads;
        Assert.Equal(ReshardingKinesisClient.Throttled, reads[1].Error);
        Assert.True(reads[2].At - reads[1].At >= ThrottleBackoff.Backoff.BaseDelay / 2 - TimeSpan.FromMilliseconds(10), $"backed off only {reads[2].At - reads[1].At}");
        Assert.Equal(AwsErrorCodes.ExpiredIterator, reads[3].Error);
        var iterators = kinesis.Iterators;
        Assert.Equal(2, iterators.Count);
        Assert.Equal(ShardIteratorType.TrimHorizon, iterators[0].Type);
        Assert.Equal((ShardIteratorType.AfterSequenceNumber, results[19].SequenceNumber), (iterators[1].Type, iterators[1].SequenceNumber));
        AssertPaced(reads);
    }

    private TestWorker StartWorker(ReshardingKinesisClient kinesis, string purpose, Action<Dictionary<string, string?>> configure)
    {
        var settings = TestWorker.Settings($"{purpose}-{Guid.NewGuid():N}", $"{purpose}-worker", _deadLetters);
        configure(settings);
        return TestWorker.Start(Grains, settings, kinesis);
    }

    private static Task<IReadOnlyList<PutRecordsResultEntry>> PutAsync(ReshardingKinesisClient kinesis, IReadOnlyList<PutRecordsEntry> entries) =>
        TestClients.Putter(kinesis).PutAllAsync("fake", entries);

    private Task<StreamLeaseSnapshot> LeasesAsync(TestWorker worker) => Grains.GetGrain<IStreamLeaseGrain>(worker.Worker.StreamName).GetSnapshot();

    /// <summary>No shard was asked for records more than five times in any second, nor twice within the poll interval (less timer jitter).</summary>
    private static void AssertPaced(IReadOnlyList<ReadCall> reads)
    {
        foreach (var shard in reads.GroupBy(r => r.ShardId))
        {
            var calls = shard.Select(r => r.At).ToList();
            for (var i = 1; i < calls.Count; i++)
            {
                Assert.True(calls[i] - calls[i - 1] >= MinPollGap, $"{shard.Key}: GetRecords calls {i - 1} and {i} only {(calls[i] - calls[i - 1]).TotalMilliseconds:0} ms apart");
            }
            for (var i = 5; i < calls.Count; i++)
            {
                Assert.True(calls[i] - calls[i - 5] >= TimeSpan.FromSeconds(1) - TimerSlack, $"{shard.Key}: GetRecords calls {i - 5} to {i} within {(calls[i] - calls[i - 5]).TotalMilliseconds:0} ms");
            }
        }
    }
}
