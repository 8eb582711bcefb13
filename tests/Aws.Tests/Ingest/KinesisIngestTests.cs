using System.Diagnostics;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Actors.Aws.Kinesis;
using Actors.Aws.Tests.Kinesis;
using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Actors.TestSupport;
using Xunit;

namespace Actors.Aws.Tests.Ingest;

/// <summary>The Kinesis ingest against a real moto_server and a two-silo cluster with in-memory state.</summary>
[Collection(MotoCollection.Name)]
public sealed class KinesisIngestTests(MotoServer moto, IngestClusterFixture cluster) : IClassFixture<IngestClusterFixture>, IDisposable
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);

    private readonly KinesisClient _kinesis = TestClients.Kinesis(moto.ServiceUrl, new SocketsHttpHandler());
    private readonly string _deadLetters = Path.Combine(Path.GetTempPath(), $"dead-letter-{Guid.NewGuid():N}.ndjson");

    private IGrainFactory Grains => cluster.Grains;

    public void Dispose()
    {
        File.Delete(_deadLetters);
    }

    [Fact]
    public async Task One_worker_judges_every_reading_once_and_dead_letters_the_malformed_with_shard_and_sequence()
    {
        var stream = await NewStreamAsync("ingest-one", 2);
        var fleet = new TestFleet("one", 6);
        var malformed = fleet.Malformed();
        var entries = fleet.Readings(0, 40);
        for (var i = 0; i < malformed.Count; i++)
        {
            entries.Insert((i * 40) + 7, malformed[i].Entry);
        }
        var results = await PutAsync(stream, entries);
        var lastPerShard = results.GroupBy(r => r.ShardId!).ToDictionary(g => g.Key, g => g.Max(r => BigInteger.Parse(r.SequenceNumber!)).ToString());
        IngestMeterListener? meters = null;

        await using var worker = StartWorker(stream, "one-worker", beforeRun: services => meters = new IngestMeterListener(services));
        using var _ = meters;
        await Judged.UntilAcceptedAsync(Grains, fleet, 40, "single worker");
        await Eventually.Until(
            async () =>
            {
                var leases = await LeasesAsync(stream);
                return lastPerShard.All(last => leases.Shards.Single(s => s.ShardId == last.Key).Checkpoint == last.Value);
            },
            TimeSpan.FromSeconds(15),
            $"the checkpoint of every shard of {stream} to reach its last record");

        await Judged.AssertExactlyAsync(Grains, fleet, accepted: 40, duplicates: 0);
        Assert.Equal(entries.Count, worker.Worker.Summary.Records);
        Assert.Equal(240, worker.Worker.Summary.Accepted);
        Assert.Equal(malformed.Count, worker.Worker.Summary.Rejected);

        var letters = File.ReadAllLines(_deadLetters).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(malformed.Count, letters.Count);
        foreach (var (entry, reason) in malformed)
        {
            var put = results[entries.IndexOf(entry)];
            var letter = Assert.Single(letters, l => l.GetProperty("shardId").GetString() == put.ShardId && l.GetProperty("sequenceNumber").GetString() == put.SequenceNumber);
            Assert.Equal(reason, letter.GetProperty("reason").GetString());
            Assert.Equal(entry.Data.ToArray(), letter.GetProperty("data").GetBytesFromBase64());
            Assert.Equal(entry.PartitionKey, letter.GetProperty("partitionKey").GetString());
            Assert.Equal(stream, letter.GetProperty("stream").GetString());
            Assert.False(string.IsNullOrEmpty(letter.GetProperty("detail").GetString()));
        }

        Assert.NotNull(meters);
        Assert.Equal(entries.Count, meters.Total("ingestor.kinesis.records_read"));
        Assert.Equal(malformed.Count, meters.Total("ingestor.kinesis.records_rejected"));
        var behind = meters.MillisBehind();
        Assert.Equal(lastPerShard.Keys.Order(), behind.Keys.Order());
        Assert.All(behind.Values, millis => Assert.Equal(0, millis));
    }

    [Fact]
    public async Task The_shards_of_a_worker_checkpoint_together_so_a_product_fed_by_all_of_them_is_written_once()
    {
        var stream = await NewStreamAsync("ingest-round", 4);
        var fleet = new TestFleet("round", 24);
        var results = await PutAsync(stream, fleet.Readings(0, 10));
        var entries = fleet.Readings(0, 10);
        var productShards = entries.Zip(results)
            .Where(put => fleet.ProductDeviceIds.Contains(put.First.PartitionKey))
            .Select(put => $"{stream}/{put.Second.ShardId}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(productShards.Length > 1, $"the product's 8 devices all went to one shard: {productShards[0]}");

        await using var worker = StartWorker(stream, "round-worker", settings => settings["Checkpoint:Interval"] = "01:00:00");
        await Judged.UntilAcceptedAsync(Grains, fleet, 10, "one worker, no checkpoint due");
        Assert.Empty(ProductPersistCalls.Of(fleet.ProductId));
        await worker.StopAsync();

        var persisted = Assert.Single(ProductPersistCalls.Of(fleet.ProductId));
        Assert.Equal(productShards, persisted);
        var leases = await LeasesAsync(stream);
        Assert.All(leases.Shards, shard => Assert.NotNull(shard.Checkpoint));
        Assert.Equal(80, (await Grains.GetGrain<IProductGrain>(fleet.ProductId).GetSnapshot()).Readings);
    }

    [Fact]
    public async Task A_stopping_worker_keeps_its_lease_while_its_last_checkpoint_takes_longer_than_the_lease()
    {
        var stream = await NewStreamAsync("ingest-slowstop", 2);
        var fleet = new TestFleet(SlowPersistFilter.Prefix, 4);
        var results = await PutAsync(stream, fleet.Readings(0, 5));
        var lastPerShard = results.GroupBy(r => r.ShardId!).ToDictionary(g => g.Key, g => g.Max(r => BigInteger.Parse(r.SequenceNumber!)).ToString());
        Assert.True(SlowPersistFilter.Delay > LeaseDuration);

        await using var worker = StartWorker(stream, "slowstop-worker", settings => settings["Checkpoint:Interval"] = "01:00:00");
        await Judged.UntilAcceptedAsync(Grains, fleet, 5, "one worker, no checkpoint due");
        await worker.StopAsync();

        var leases = await LeasesAsync(stream);
        Assert.All(lastPerShard, last => Assert.Equal(last.Value, leases.Shards.Single(s => s.ShardId == last.Key).Checkpoint));
    }

    [Fact]
    public async Task A_record_a_grain_cannot_process_is_dead_lettered_with_shard_and_sequence_and_every_other_reading_is_judged()
    {
        var stream = await NewStreamAsync("ingest-grain-reject", 1);
        var fleet = new TestFleet("grain-reject", 3);
        var entries = fleet.Readings(0, 30);
        var device = fleet.DeviceIds[0];
        var poison = new PutRecordsEntry(
            Encoding.UTF8.GetBytes($$"""{"device_id": "{{device}}", "timestamp": "{{TestFleet.Start.AddSeconds(15.5):yyyy-MM-ddTHH:mm:ss.fff}}Z", "temperature": 20.5, "{{PoisonReadingFilter.Metric}}": 1}"""),
            device);
        entries.Insert(entries.Count / 2, poison);
        var results = await PutAsync(stream, entries);
        var put = results[entries.IndexOf(poison)];

        await using var worker = StartWorker(stream, "grain-reject-worker");
        await Judged.UntilAcceptedAsync(Grains, fleet, 30, "grain rejection");
        await Eventually.Until(() => worker.Worker.Summary.Rejected == 1 && File.Exists(_deadLetters), TimeSpan.FromSeconds(15), "the poison record to be dead-lettered");

        await Judged.AssertExactlyAsync(Grains, fleet, accepted: 30, duplicates: 0);
        Assert.Equal(1, worker.Worker.Rejections.Counts[RejectReason.GrainRejected]);
        var letter = JsonDocument.Parse(Assert.Single(File.ReadAllLines(_deadLetters))).RootElement;
        Assert.Equal("GrainRejected", letter.GetProperty("reason").GetString());
        Assert.Equal(put.ShardId, letter.GetProperty("shardId").GetString());
        Assert.Equal(put.SequenceNumber, letter.GetProperty("sequenceNumber").GetString());
        Assert.Equal(device, letter.GetProperty("partitionKey").GetString());
        Assert.Contains($"device {device}: ArgumentOutOfRangeException", letter.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restarted_worker_resumes_after_the_checkpoint_and_a_replay_is_absorbed_by_the_device_grains()
    {
        var stream = await NewStreamAsync("ingest-restart", 2);
        var fleet = new TestFleet("restart", 8);
        var entries = fleet.Readings(0, 150);
        await PutAsync(stream, entries);

        var first = StartWorker(stream, "restart-first", settings => settings["Kinesis:MaxRecordsPerCall"] = "25");
        await Eventually.Until(() => first.Worker.Summary.Records >= 300, TimeSpan.FromSeconds(30), $"restart-first to read 300 of the {entries.Count} records of {stream}");
        await first.DisposeAsync();
        var readByFirst = first.Worker.Summary.Records;
        var afterStop = await LeasesAsync(stream);
        var acceptedByFirst = (await Judged.SnapshotsAsync(Grains, fleet)).Sum(s => s.Accepted);

        Assert.InRange(readByFirst, 300, entries.Count - 1);
        Assert.Equal(readByFirst, acceptedByFirst);
        Assert.Empty(afterStop.Workers);
        Assert.All(afterStop.Shards, s => Assert.Null(s.Owner));

        await using var second = StartWorker(stream, "restart-second");
        await Judged.UntilAcceptedAsync(Grains, fleet, 150, "after the restart");

        await Judged.AssertExactlyAsync(Grains, fleet, accepted: 150, duplicates: 0);
        Assert.Equal(entries.Count - readByFirst, second.Worker.Summary.Records);
        Assert.Equal(0, second.Worker.Summary.Duplicates);

        var replayStream = await NewStreamAsync("ingest-replay", 1);
        await PutAsync(replayStream, entries.Take(400).ToList());
        await using var replay = StartWorker(replayStream, "restart-replay");
        await Eventually.Until(() => replay.Worker.Summary.Duplicates >= 400, TimeSpan.FromSeconds(30), $"the replay of 400 records from {replayStream} to be judged");

        await Judged.AssertExactlyAsync(Grains, fleet, accepted: 150, duplicates: 50);
        Assert.Equal(0, replay.Worker.Summary.Accepted);
    }

    [Fact]
    public async Task Two_workers_split_four_shards_and_a_stopped_worker_hands_its_shards_over_within_the_lease()
    {
        var stream = await NewStreamAsync("ingest-pair", 4);
        var fleet = new TestFleet("pair", 8);
        await using var a = StartWorker(stream, "pair-a");
        await Eventually.Until(() => a.Worker.OwnedShards.Count == 4, TimeSpan.FromSeconds(15), "pair-a to own all 4 shards");

        await using var b = StartWorker(stream, "pair-b");
        await Eventually.Until(
            async () =>
            {
                Assert.Empty(a.Worker.OwnedShards.Intersect(b.Worker.OwnedShards));
                var leases = await LeasesAsync(stream);
                return a.Worker.OwnedShards.Count == 2 && b.Worker.OwnedShards.Count == 2 && leases.Shards.All(s => s.Owner is not null && !s.Releasing);
            },
            TimeSpan.FromSeconds(15),
            "pair-a and pair-b to own 2 shards each");
        var split = await LeasesAsync(stream);
        Assert.Equal(2, split.Shards.Count(s => s.Owner == "pair-a"));
        Assert.Equal(2, split.Shards.Count(s => s.Owner == "pair-b"));

        await PutAsync(stream, fleet.Readings(0, 20));
        await Judged.UntilAcceptedAsync(Grains, fleet, 20, "two workers");

        await b.StopAsync();
        var handover = Stopwatch.StartNew();
        await Eventually.Until(() => a.Worker.OwnedShards.Count == 4, LeaseDuration, "pair-a to take over pair-b's shards within the lease duration");
        Assert.True(handover.Elapsed < LeaseDuration, $"hand-over took {handover.Elapsed}");

        await PutAsync(stream, fleet.Readings(20, 40));
        await Judged.UntilAcceptedAsync(Grains, fleet, 40, "after pair-b stopped");

        await Judged.AssertExactlyAsync(Grains, fleet, accepted: 40, duplicates: 0);
        Assert.Equal(320, a.Worker.Summary.Records + b.Worker.Summary.Records);
    }

    [Fact]
    public async Task The_shards_of_a_worker_that_died_move_only_after_its_lease_expired()
    {
        var stream = await NewStreamAsync("ingest-dead", 4);
        var fleet = new TestFleet("dead", 8);
        var shards = (await _kinesis.ListShardsAsync(stream)).Select(s => new DiscoveredShard { ShardId = s.ShardId }).ToArray();
        var leases = Grains.GetGrain<IStreamLeaseGrain>(stream);
        var dead = await leases.Heartbeat(new LeaseHeartbeat { WorkerId = "dead", LeaseDuration = LeaseDuration, Shards = shards });
        var sinceLastHeartbeat = Stopwatch.StartNew();
        Assert.Equal(4, dead.Shards.Length);
        await PutAsync(stream, fleet.Readings(0, 20));

        await using var survivor = StartWorker(stream, "survivor");
        await Eventually.Until(async () => (await LeasesAsync(stream)).Workers.Length == 2, LeaseDuration, "survivor to join while dead's lease is valid");
        var whileValid = await LeasesAsync(stream);
        Assert.All(whileValid.Shards, s => Assert.Equal("dead", s.Owner));
        Assert.Equal(2, whileValid.Shards.Count(s => s.Releasing));

        await Eventually.Until(
            () =>
            {
                if (sinceLastHeartbeat.Elapsed < LeaseDuration - TimeSpan.FromMilliseconds(200))
                {
                    Assert.Empty(survivor.Worker.OwnedShards);
                    Assert.Equal(0, survivor.Worker.Summary.Records);
                }
                return survivor.Worker.OwnedShards.Count == 4;
            },
            LeaseDuration * 3,
            "survivor to take over the 4 shards of the dead worker");
        Assert.InRange(sinceLastHeartbeat.Elapsed, LeaseDuration - TimeSpan.FromMilliseconds(200), LeaseDuration + (LeaseDuration / 3) + TimeSpan.FromSeconds(1.5));

        await Judged.UntilAcceptedAsync(Grains, fleet, 20, "after the takeover");
        await Judged.AssertExactlyAsync(Grains, fleet, accepted: 20, duplicates: 0);
        Assert.DoesNotContain((await LeasesAsync(stream)).Workers, w => w.WorkerId == "dead");
    }

    [Fact]
    public async Task Splitting_a_shard_mid_stream_loses_and_repeats_nothing_and_leaves_the_children_for_after_the_parent()
    {
        var stream = await NewStreamAsync("ingest-split", 2);
        var fleet = new TestFleet("split", 8);
        await PutAsync(stream, fleet.Readings(0, 30));
        await using var worker = StartWorker(stream, "split-worker", settings => settings["Kinesis:MaxRecordsPerCall"] = "10");
        await Eventually.Until(() => worker.Worker.Summary.Records >= 20, TimeSpan.FromSeconds(15), $"split-worker to start reading {stream}");

        var parent = (await _kinesis.ListShardsAsync(stream))[0];
        var middle = (BigInteger.Parse(parent.StartingHashKey) + BigInteger.Parse(parent.EndingHashKey)) / 2;
        await new KinesisTestOperations(moto.ServiceUrl).SplitShardAsync(stream, parent.ShardId, middle.ToString());
        Assert.True(worker.Worker.Summary.Records < 240, "the split should happen while the worker is still reading");
        await PutAsync(stream, fleet.Readings(30, 60));
        await Judged.UntilAcceptedAsync(Grains, fleet, 60, "after the split");
        await Eventually.Until(async () => (await LeasesAsync(stream)).Shards.Length == 4, TimeSpan.FromSeconds(10), "split-worker to discover the two children");

        await Judged.AssertExactlyAsync(Grains, fleet, accepted: 60, duplicates: 0);
        Assert.Equal(480, worker.Worker.Summary.Records);
        var leases = await LeasesAsync(stream);
        var parentLease = leases.Shards.Single(s => s.ShardId == parent.ShardId);
        var children = leases.Shards.Where(s => s.ParentShardIds.SequenceEqual([parent.ShardId])).ToList();
        Assert.Equal(2, children.Count);
        Assert.True(parentLease.IsClosed && !parentLease.Finished && parentLease.Owner == "split-worker", "moto never ends the parent, so it stays leased and unfinished");
        Assert.All(children, child => Assert.True(child.Owner is null && !child.Eligible && child.Checkpoint is null, $"{child.ShardId} must wait for its parent"));
    }

    private async Task<string> NewStreamAsync(string purpose, int shards)
    {
        var name = $"{purpose}-{Guid.NewGuid():N}";
        await _kinesis.CreateStreamAsync(name, shards);
        await _kinesis.WaitForStreamActiveAsync(name, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        return name;
    }

    private Task<IReadOnlyList<PutRecordsResultEntry>> PutAsync(string stream, IReadOnlyList<PutRecordsEntry> entries) =>
        TestClients.Putter(_kinesis).PutAllAsync(stream, entries);

    private Task<StreamLeaseSnapshot> LeasesAsync(string stream) => Grains.GetGrain<IStreamLeaseGrain>(stream).GetSnapshot();

    private TestWorker StartWorker(string stream, string workerId, Action<Dictionary<string, string?>>? configure = null, Action<IServiceProvider>? beforeRun = null)
    {
        var settings = TestWorker.Settings(stream, workerId, _deadLetters, moto.ServiceUrl);
        configure?.Invoke(settings);
        return TestWorker.Start(Grains, settings, beforeRun: beforeRun);
    }
}
