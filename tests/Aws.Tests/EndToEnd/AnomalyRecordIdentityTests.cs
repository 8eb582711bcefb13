using System.Globalization;
using System.Text;
using System.Text.Json;
using Actors.Aws.Kinesis;
using Actors.Aws.Tests.Kinesis;
using Actors.Aws.Tests.Notifier;
using Actors.Detection.Parsing;
using Actors.Ingestor.Cluster;
using Actors.Ingestor.Pipeline;
using Actors.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Actors.Aws.Tests.EndToEnd;

/// <summary>
/// One anomaly format everywhere: the same anomalies are byte-identical as <c>replay --alerts</c> lines, as the
/// records of the output Kinesis stream, and as the <c>Anomaly</c> member of the file sink's lines and of the SNS
/// messages (seen through an SQS queue subscribed to the topic).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class AnomalyRecordIdentityTests(MotoServer moto)
{
    private static readonly DateTime Start = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Replay_file_sink_SNS_and_the_output_stream_carry_byte_identical_records()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var kinesis = TestClients.Kinesis(moto.ServiceUrl, new SocketsHttpHandler());
        var anomalyStream = $"identity-anomalies-{suffix}";
        await kinesis.CreateStreamAsync(anomalyStream, 1);
        await kinesis.WaitForStreamActiveAsync(anomalyStream, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        using var queue = await AlertQueue.CreateAsync(moto, $"identity-{suffix}");
        var notificationFile = Path.Combine(Path.GetTempPath(), $"identity-notifications-{suffix}.ndjson");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:ServiceUrl"] = moto.ServiceUrl.ToString(),
            ["Aws:Region"] = MotoServer.Region,
            ["Rules:Thresholds:0:Metric"] = "temperature",
            ["Rules:Thresholds:0:Upper"] = "30",
            ["Notifier:Sinks:0"] = "file",
            ["Notifier:File:Path"] = notificationFile,
            ["Notifier:Sinks:1"] = "sns",
            ["Sns:TopicArn"] = queue.TopicArn,
            ["Notifier:Sinks:2"] = "kinesis",
            ["AnomalyStream:StreamName"] = anomalyStream,
            ["Notifier:Cooldown"] = "00:00:00",
            ["Notifier:DeliveryInterval"] = "00:00:00.100",
        }).Build();

        List<string> replayed;
        var published = new List<string>();
        var filed = new List<string>();
        var streamed = new List<string>();
        await using (var cluster = await ClusterConnection.StartAsync(configuration, embedded: true, _ => { }, CancellationToken.None))
        {
            var runner = new ReplayRunner(cluster.Grains, new ReadingParser(new ReadingParserOptions()), new RejectionLog(NullLogger<RejectionLog>.Instance), batchSize: 10, new CheckpointOptions());
            var alerts = new StringWriter();
            await runner.RunAsync(new MemoryStream(Readings($"identity-{suffix}")), "identity.ndjson", alerts, CancellationToken.None);
            replayed = [.. alerts.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
            await Eventually.Until(async () =>
            {
                published.AddRange((await queue.ReceiveAsync()).Select(m => AnomalyMember(m.Body)));
                filed = CompleteLines(notificationFile).Select(AnomalyMember).ToList();
                streamed = await ReadStreamAsync(kinesis, anomalyStream);
                return published.Count >= replayed.Count && filed.Count >= replayed.Count && streamed.Count >= replayed.Count;
            }, TimeSpan.FromSeconds(60), $"{replayed.Count} notifications of identity-{suffix} to reach the SQS queue, the file and the output stream");
        }
        File.Delete(notificationFile);

        Assert.Contains(replayed, line => line.Contains("\"Rule\":\"temperature >= 30\"", StringComparison.Ordinal));
        Assert.Contains(replayed, line => line.Contains("\"TargetTime\":\"2026-02-17 12:00:04.250000\"", StringComparison.Ordinal));
        Assert.Equal(replayed.Order(StringComparer.Ordinal), streamed.Order(StringComparer.Ordinal));
        Assert.Equal(replayed.Order(StringComparer.Ordinal), filed.Order(StringComparer.Ordinal));
        Assert.Equal(replayed.Order(StringComparer.Ordinal), published.Order(StringComparer.Ordinal));
    }

    private static byte[] Readings(string device)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 12; i++)
        {
            var time = Start.AddSeconds(i).AddMilliseconds(i % 4 == 0 ? 250 : 0);
            var value = i % 4 == 0 ? 35.5 + i : 21.5;
            text.Append(CultureInfo.InvariantCulture, $"{{\"device_id\": \"{device}\", \"timestamp\": \"{time:yyyy-MM-dd HH:mm:ss.fff}\", \"temperature\": {value}}}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The lines of <paramref name="path"/> that the sink finished writing.</summary>
    private static IEnumerable<string> CompleteLines(string path) =>
        File.Exists(path) ? File.ReadAllText(path).Split('\n').SkipLast(1) : [];

    /// <summary>The <c>Anomaly</c> member of a notification exactly as it was written.</summary>
    private static string AnomalyMember(string notification)
    {
        using var document = JsonDocument.Parse(notification);
        return document.RootElement.GetProperty("Anomaly").GetRawText();
    }

    private static async Task<List<string>> ReadStreamAsync(KinesisClient kinesis, string stream)
    {
        var shard = (await kinesis.ListShardsAsync(stream)).Single();
        var iterator = await kinesis.GetShardIteratorAsync(stream, shard.ShardId, ShardIteratorType.TrimHorizon);
        var records = new List<string>();
        while (true)
        {
            var page = await kinesis.GetRecordsAsync(iterator);
            records.AddRange(page.Records.Select(r => Encoding.UTF8.GetString(r.Data.Span)));
            if (page.Records.Count == 0 || page.NextShardIterator is null)
            {
                return records;
            }
            iterator = page.NextShardIterator;
        }
    }
}
