using System.Text.Json;
using Actors.Aws.Kinesis;
using Actors.Aws.Tests.Kinesis;
using Actors.TestSupport;
using Xunit;

namespace Actors.Aws.Tests.Ingest;

/// <summary>With <c>Kinesis:DeadLetterStream</c> set, rejected records go to that stream, with shard and sequence number.</summary>
[Collection(MotoCollection.Name)]
public sealed class DeadLetterStreamTests(MotoServer moto, IngestClusterFixture cluster) : IClassFixture<IngestClusterFixture>
{
    private readonly KinesisClient _kinesis = TestClients.Kinesis(moto.ServiceUrl, new SocketsHttpHandler());

    [Fact]
    public async Task Rejected_records_are_put_to_the_dead_letter_stream_with_their_origin()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var stream = await NewStreamAsync($"dlq-source-{suffix}");
        var deadLetters = await NewStreamAsync($"dlq-{suffix}");
        var fleet = new TestFleet("dlq", 2);
        var malformed = fleet.Malformed();
        var entries = fleet.Readings(0, 5).Concat(malformed.Select(m => m.Entry)).ToList();
        var results = await TestClients.Putter(_kinesis).PutAllAsync(stream, entries);
        var settings = TestWorker.Settings(stream, $"dlq-worker-{suffix}", Path.Combine(Path.GetTempPath(), $"unused-{suffix}.ndjson"), moto.ServiceUrl);
        settings["Kinesis:DeadLetterStream"] = deadLetters;

        await using (var worker = TestWorker.Start(cluster.Grains, settings))
        {
            await Eventually.Until(() => worker.Worker.Summary.Rejected == malformed.Count && worker.Worker.Summary.Accepted == 10,
                TimeSpan.FromSeconds(30), $"the worker on {stream} to read every record");
        }
        var letters = await ReadAllAsync(deadLetters);

        Assert.Equal(malformed.Count, letters.Count);
        foreach (var (entry, reason) in malformed)
        {
            var put = results[entries.IndexOf(entry)];
            var letter = Assert.Single(letters, l => l.GetProperty("sequenceNumber").GetString() == put.SequenceNumber);
            Assert.Equal(put.ShardId, letter.GetProperty("shardId").GetString());
            Assert.Equal(reason, letter.GetProperty("reason").GetString());
            Assert.Equal(entry.Data.ToArray(), letter.GetProperty("data").GetBytesFromBase64());
        }
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), $"unused-{suffix}.ndjson")));
    }

    private async Task<string> NewStreamAsync(string name)
    {
        await _kinesis.CreateStreamAsync(name, 1);
        await _kinesis.WaitForStreamActiveAsync(name, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        return name;
    }

    private async Task<List<JsonElement>> ReadAllAsync(string stream)
    {
        var shard = (await _kinesis.ListShardsAsync(stream)).Single();
        var iterator = await _kinesis.GetShardIteratorAsync(stream, shard.ShardId, ShardIteratorType.TrimHorizon);
        var letters = new List<JsonElement>();
        while (true)
        {
            var page = await _kinesis.GetRecordsAsync(iterator);
            letters.AddRange(page.Records.Select(r => JsonDocument.Parse(r.Data).RootElement.Clone()));
            if (page.Records.Count == 0 || page.NextShardIterator is null)
            {
                return letters;
            }
            iterator = page.NextShardIterator;
        }
    }
}
