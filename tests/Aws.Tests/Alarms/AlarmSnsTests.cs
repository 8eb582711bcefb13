using System.Globalization;
using System.Text.Json;
using Actors.Aws.Tests.Notifier;
using Actors.Grains.Interfaces;
using Actors.TestSupport;
using Amazon.SQS.Model;
using Xunit;

namespace Actors.Aws.Tests.Alarms;

/// <summary>
/// Alarm transitions through the SNS sink to SQS queues subscribed to the topics (moto), with grain state in DynamoDB:
/// each transition arrives exactly once, even when the devices are judged again from their checkpoint after every silo
/// was killed, and escalated ones also reach the escalation topic.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class AlarmSnsTests(MotoServer moto)
{
    private static readonly DateTime Start = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Each_transition_reaches_the_subscribed_queue_once_across_a_crash_and_escalated_ones_the_escalation_topic()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var device = $"alarm-{suffix}";
        using var alerts = await AlertQueue.CreateAsync(moto, $"alarms-{suffix}");
        using var escalations = await AlertQueue.CreateAsync(moto, $"escalations-{suffix}");
        var settings = new Dictionary<string, string?>(DynamoTestCluster.MotoSettings(moto, $"state-{suffix}"))
        {
            ["Notifier:Sinks:0"] = "sns",
            ["Sns:TopicArn"] = alerts.TopicArn,
            ["Sns:EscalationTopicArn"] = escalations.TopicArn,
            ["Notifier:DeliveryInterval"] = "00:00:00.100",
            ["Devices:RulesRefreshInterval"] = "00:00:00",
            ["Alarms:Rules:Threshold:Severity"] = "3",
            ["Alarms:Rules:Threshold:EscalateAfter"] = "00:00:00",
        };

        var first = await DynamoTestCluster.StartAsync(settings);
        var rules = first.Client.GetGrain<IRulesGrain>(RulesGrainKey.Default);
        await rules.Set((await rules.Get()) with { Thresholds = [new ThresholdRule { Metric = "temperature", Upper = 30, DeviceId = device }] });
        var grain = first.Client.GetGrain<IDeviceGrain>(device);
        await grain.Judge([At(device, 1, 35)]);
        await grain.Persist();
        Reading[] clearing = [At(device, 2, 20)];
        await grain.Judge(clearing);
        var received = await ReceiveAlarmsAsync(alerts, [], 2, device);
        foreach (var silo in first.Silos.ToList())
        {
            await first.KillSiloAsync(silo);
        }
        await first.DisposeAsync();

        var second = await DynamoTestCluster.StartAsync(settings);
        var again = second.Client.GetGrain<IDeviceGrain>(device);
        var rejudged = await again.Judge(clearing);
        await again.Judge([At(device, 3, 36)]);
        received = await ReceiveAlarmsAsync(alerts, received, 3, device);
        var escalated = await ReceiveAlarmsAsync(escalations, [], 2, device);
        await second.StopAllSilosAsync();
        await second.DisposeAsync();

        Assert.Equal(1, rejudged.Accepted);
        Assert.Equal(
            [(1, "Normal", "Active"), (2, "Active", "Normal"), (3, "Normal", "Active")],
            received.Select(m => (Second(m), Alarm(m).GetProperty("PreviousState").GetString()!, Alarm(m).GetProperty("State").GetString()!)).OrderBy(t => t.Item1));
        Assert.All(received, m => Assert.Equal(3, Alarm(m).GetProperty("Severity").GetInt32()));
        Assert.All(received, m => Assert.Equal(device, Alarm(m).GetProperty("DeviceId").GetString()));
        Assert.Equal([1, 3], escalated.Select(Second).Order());
        Assert.All(escalated, m => Assert.True(Alarm(m).GetProperty("Escalated").GetBoolean()));
    }

    private static Reading At(string device, int second, double temperature) =>
        new() { DeviceId = device, Timestamp = Start.AddSeconds(second), Metrics = [new Metric("temperature", temperature)] };

    /// <summary>Reads the queue until it has held <paramref name="count"/> alarm notifications of the device, plus what arrives in one more read.</summary>
    private static async Task<List<Message>> ReceiveAlarmsAsync(AlertQueue queue, List<Message> received, int count, string device)
    {
        var all = new List<Message>(received);
        await Eventually.Until(async () =>
        {
            all.AddRange((await queue.ReceiveAsync()).Where(IsAlarm));
            return all.Count >= count;
        }, TimeSpan.FromSeconds(60), $"{count} alarm notifications of {device} on the queue (have {all.Count})");
        all.AddRange((await queue.ReceiveAsync()).Where(IsAlarm));
        return all;
    }

    private static bool IsAlarm(Message message)
    {
        using var body = JsonDocument.Parse(message.Body);
        return body.RootElement.TryGetProperty("Alarm", out _);
    }

    private static JsonElement Alarm(Message message) => JsonDocument.Parse(message.Body).RootElement.GetProperty("Alarm").Clone();

    /// <summary>The second of the transition's time, written in the record format <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    private static int Second(Message message) =>
        DateTime.ParseExact(Alarm(message).GetProperty("At").GetString()!, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture).Second;
}
