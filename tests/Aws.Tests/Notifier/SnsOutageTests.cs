using System.Text.Json;
using Actors.Grains.Interfaces;
using Actors.TestSupport;
using Amazon.SQS.Model;
using Orleans.TestingHost;
using Xunit;

namespace Actors.Aws.Tests.Notifier;

/// <summary>
/// The notifier's outbox against real SNS (moto) behind a proxy that can be taken down: an alert raised while SNS is
/// unreachable survives a restart of the whole cluster (state in DynamoDB) and reaches the SQS subscriber exactly once
/// when SNS is back.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class SnsOutageTests(MotoServer moto)
{
    [Fact]
    public async Task An_alert_raised_during_an_SNS_outage_is_delivered_after_it_returns_even_across_a_cluster_restart()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var device = $"outage-{suffix}";
        using var alerts = await AlertQueue.CreateAsync(moto, $"alerts-{suffix}");
        await using var proxy = new TcpProxy(moto.ServiceUrl);
        var settings = new Dictionary<string, string?>
        {
            ["Aws:ServiceUrl"] = proxy.Url.ToString(),
            ["Aws:Region"] = MotoServer.Region,
            ["Aws:MaxRetries"] = "0",
            ["DynamoDB:ServiceUrl"] = moto.ServiceUrl.ToString(),
            ["DynamoDB:TableName"] = $"state-{suffix}",
            ["Notifier:Sinks:0"] = "sns",
            ["Sns:TopicArn"] = alerts.TopicArn,
            ["Notifier:DeliveryInterval"] = "00:00:00.100",
            ["Notifier:RetryBaseDelay"] = "00:00:00.200",
            ["Notifier:RetryMaxDelay"] = "00:00:01",
        };

        proxy.TakeDown();
        var first = await DynamoTestCluster.StartAsync(settings);
        var rules = first.Client.GetGrain<IRulesGrain>(RulesGrainKey.Default);
        await rules.Set((await rules.Get()) with { Thresholds = [new ThresholdRule { Metric = "temperature", Upper = 30, DeviceId = device }] });
        var judged = await first.Client.GetGrain<IDeviceGrain>(device).Judge([new Reading
        {
            DeviceId = device, Timestamp = new DateTime(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc), Metrics = [new Metric("temperature", 42.5)],
        }]);
        var notifier = first.Client.GetGrain<INotifierGrain>(NotifierShard.For(device, 4));
        await Eventually.Until(async () => (await notifier.GetSnapshot()).OutboxDepth == 1, TimeSpan.FromSeconds(20), $"the alert of {device} to wait in the outbox");
        await first.StopAllSilosAsync();
        await first.DisposeAsync();

        var second = await DynamoTestCluster.StartAsync(settings);
        proxy.BringUp();
        var received = new List<Message>();
        await Eventually.Until(async () =>
        {
            received.AddRange(await alerts.ReceiveAsync());
            return received.Count > 0;
        }, TimeSpan.FromSeconds(60), $"the alert of {device} to reach the SQS queue (notifier after restart: {await DescribeAsync(second, device)})");
        await Eventually.Until(async () => (await second.Client.GetGrain<INotifierGrain>(NotifierShard.For(device, 4)).GetSnapshot()).OutboxDepth == 0,
            TimeSpan.FromSeconds(20), "the outbox to empty");
        received.AddRange(await alerts.ReceiveAsync());
        await second.StopAllSilosAsync();
        await second.DisposeAsync();

        var message = Assert.Single(received);
        using var body = JsonDocument.Parse(message.Body);
        Assert.Equal(judged.Anomalies.Single().AlertId, body.RootElement.GetProperty("NotificationId").GetString());
        var anomaly = body.RootElement.GetProperty("Anomaly");
        Assert.Equal("Threshold", anomaly.GetProperty("AnomalyType").GetString());
        Assert.Equal(device, anomaly.GetProperty("DeviceId").GetString());
        Assert.Equal(42.5, anomaly.GetProperty("MeasuredValue").GetDouble());
        Assert.Equal(30, anomaly.GetProperty("UpperLimit").GetDouble());
    }

    private static async Task<string> DescribeAsync(TestCluster cluster, string device)
    {
        var snapshot = await cluster.Client.GetGrain<INotifierGrain>(NotifierShard.For(device, 4)).GetSnapshot();
        return $"received {snapshot.Received}, notifications {snapshot.Notifications}, outbox {snapshot.OutboxDepth}";
    }
}
