using System.Globalization;
using System.Text;
using System.Text.Json;
using Actors.Aws.Kinesis;
using Actors.Aws.Tests.Ingest;
using Actors.Aws.Tests.Kinesis;
using Actors.Aws.Tests.Notifier;
using Actors.Detection.Device;
using Actors.Detection.Records;
using Actors.Grains.Interfaces;
using Actors.TestSupport;
using Amazon.SQS.Model;
using Orleans.TestingHost;
using Xunit;

namespace Actors.Aws.Tests.EndToEnd;

/// <summary>
/// The whole AWS data path against moto: records put to a Kinesis stream, read by an ingest worker, judged by a
/// two-silo cluster whose state is in DynamoDB, notified through SNS to a subscribed SQS queue. Mid-stream the worker
/// and both silos are stopped and started again: state and checkpoints come back, the queue and the output stream receive exactly the
/// expected alerts, and no reading is judged twice.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class KinesisToSnsTests(MotoServer moto)
{
    private const int Devices = 4;
    private const int ReadingsPerDevice = 120;
    private static readonly DateTime Start = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Alerts_arrive_in_SQS_exactly_once_across_a_restart_of_the_ingestor_and_the_silos()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var deviceIds = Enumerable.Range(0, Devices).Select(d => $"e2e-{suffix}-{d}").ToArray();
        var kinesis = TestClients.Kinesis(moto.ServiceUrl, new SocketsHttpHandler());
        var stream = $"e2e-{suffix}";
        await kinesis.CreateStreamAsync(stream, 2);
        await kinesis.WaitForStreamActiveAsync(stream, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        var anomalyStream = $"e2e-anomalies-{suffix}";
        await kinesis.CreateStreamAsync(anomalyStream, 1);
        await kinesis.WaitForStreamActiveAsync(anomalyStream, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        using var alerts = await AlertQueue.CreateAsync(moto, $"e2e-{suffix}");

        var (entries, expected) = Records(deviceIds);
        await TestClients.Putter(kinesis).PutAllAsync(stream, entries);
        var deadLetters = Path.Combine(Path.GetTempPath(), $"e2e-dead-letter-{suffix}.ndjson");
        var workerSettings = TestWorker.Settings(stream, $"e2e-worker-{suffix}", deadLetters, moto.ServiceUrl);
        workerSettings["Kinesis:MaxRecordsPerCall"] = "20";
        var siloSettings = new Dictionary<string, string?>(DynamoTestCluster.MotoSettings(moto, $"e2e-state-{suffix}"))
        {
            ["Notifier:Sinks:0"] = "sns",
            ["Sns:TopicArn"] = alerts.TopicArn,
            ["Notifier:Sinks:1"] = "kinesis",
            ["AnomalyStream:StreamName"] = anomalyStream,
            ["Notifier:Cooldown"] = "00:00:00",
            ["Notifier:DeliveryInterval"] = "00:00:00.100",
        };

        var first = await DynamoTestCluster.StartAsync(siloSettings);
        var rules = first.Client.GetGrain<IRulesGrain>(RulesGrainKey.Default);
        await rules.Set(new DetectionRules { Thresholds = [new ThresholdRule { Metric = "temperature", Upper = 30 }], ZScore = new ZScoreSettings { Enabled = false } });
        var firstWorker = TestWorker.Start(first.Client, workerSettings);
        await Eventually.Until(() => firstWorker.Worker.Summary.Records >= entries.Count / 3, TimeSpan.FromSeconds(60), $"the first worker to read a third of {stream}");
        await firstWorker.DisposeAsync();
        Assert.True(firstWorker.Worker.Summary.Records < entries.Count, "the restart must happen mid-stream");
        await first.StopAllSilosAsync();
        await first.DisposeAsync();

        var second = await DynamoTestCluster.StartAsync(siloSettings);
        await using (var secondWorker = TestWorker.Start(second.Client, workerSettings))
        {
            await Eventually.Until(async () => (await SnapshotsAsync(second, deviceIds)).Sum(s => s.Accepted) == entries.Count,
                TimeSpan.FromSeconds(90), $"every reading of {stream} to be judged after the restart");
            Assert.Equal(entries.Count, firstWorker.Worker.Summary.Records + secondWorker.Worker.Summary.Records);
        }
        var received = new List<string>();
        await Eventually.Until(async () =>
        {
            received.AddRange(NotificationIds(await alerts.ReceiveAsync()));
            return received.Count >= expected.Count;
        }, TimeSpan.FromSeconds(60), $"{expected.Count} alerts to reach the SQS queue");
        received.AddRange(NotificationIds(await alerts.ReceiveAsync()));
        var snapshots = await SnapshotsAsync(second, deviceIds);
        await second.StopAllSilosAsync();
        await second.DisposeAsync();
        File.Delete(deadLetters);

        Assert.All(snapshots, s => Assert.Equal((ReadingsPerDevice, 0L), (s.Accepted, s.Duplicates)));
        Assert.Equal(expected.Order(), received.Order());
        Assert.Equal(expected.Order(), (await ReadAnomalyStreamAsync(kinesis, anomalyStream)).Order());
    }

    private static async Task<List<string>> ReadAnomalyStreamAsync(KinesisClient kinesis, string stream)
    {
        var shard = (await kinesis.ListShardsAsync(stream)).Single();
        var iterator = await kinesis.GetShardIteratorAsync(stream, shard.ShardId, ShardIteratorType.TrimHorizon);
        var alertIds = new List<string>();
        while (true)
        {
            var page = await kinesis.GetRecordsAsync(iterator);
            alertIds.AddRange(page.Records.Select(r => JsonSerializer.Deserialize(r.Data.Span, AlertJsonContext.Records.Anomaly)!.AlertId));
            if (page.Records.Count == 0 || page.NextShardIterator is null)
            {
                return alertIds;
            }
            iterator = page.NextShardIterator;
        }
    }

    private static (List<PutRecordsEntry> Entries, List<string> ExpectedAlertIds) Records(string[] deviceIds)
    {
        var entries = new List<PutRecordsEntry>();
        var expected = new List<string>();
        for (var i = 0; i < ReadingsPerDevice; i++)
        {
            foreach (var device in deviceIds)
            {
                var time = Start.AddSeconds(i);
                var value = i % 9 == 4 ? 35.5 : 20 + (i % 5) * 0.5;
                var json = string.Create(CultureInfo.InvariantCulture, $"{{\"device_id\": \"{device}\", \"timestamp\": \"{time:yyyy-MM-ddTHH:mm:ss}Z\", \"temperature\": {value}}}");
                entries.Add(new PutRecordsEntry(Encoding.UTF8.GetBytes(json), device));
                if (value >= 30)
                {
                    expected.Add(AlertIds.For(device, "temperature", AnomalyType.Threshold, time));
                }
            }
        }
        return (entries, expected);
    }

    private static IEnumerable<string> NotificationIds(List<Message> messages) =>
        messages.Select(m => JsonDocument.Parse(m.Body).RootElement.GetProperty("NotificationId").GetString()!);

    private static async Task<DeviceSnapshot[]> SnapshotsAsync(TestCluster cluster, string[] deviceIds) =>
        await Task.WhenAll(deviceIds.Select(id => cluster.Client.GetGrain<IDeviceGrain>(id).GetSnapshot()));
}
