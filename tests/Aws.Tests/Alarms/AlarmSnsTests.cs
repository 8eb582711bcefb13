using System.Globalization;
using System.Text.Json;
using Actors.Aws.Tests.Notifier;
using Actors.Grains.Interfaces;
using Actors.TestSupport;
using Amazon.SQS.Model;
using Xunit;
using static Actors.Aws.Tests.Alarms.TemperatureAlarm;

namespace Actors.Aws.Tests.Alarms;

/// <summary>
/// Alarm transitions through the SNS sink to SQS queues subscribed to the topics (moto), with grain state in DynamoDB:
/// each transition arrives exactly once, even when the devices are judged again from their checkpoint after every silo
/// was killed, and escalated ones also reach the escalation topic.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class AlarmSnsTests(MotoServer moto)
{
    [Fact]
    public async Task Each_transition_reaches_the_subscribed_queue_once_across_a_crash_and_escalated_ones_the_escalation_topic()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var device = $"alarm-{suffix}";
        using var alerts = await AlertQueue.CreateAsync(moto, $"alarms-{suffix}");
        using var escalations = await AlertQueue.CreateAsync(moto, $"escalations-{suffix}");
        var settings = TemperatureAlarm.Settings(moto, suffix);
        settings["Notifier:Sinks:0"] = "sns";
        settings["Sns:TopicArn"] = alerts.TopicArn;
        settings["Sns:EscalationTopicArn"] = escalations.TopicArn;
        settings["Alarms:Rules:Threshold:EscalateAfter"] = "00:00:00";

        var first = await TemperatureAlarm.StartAsync(settings, device);
        var grain = first.Client.GetGrain<IDeviceGrain>(device);
        await grain.Judge([At(device, 1, 35)]);
        await grain.Persist();
        Reading[] clearing = [At(device, 2, 20)];
        await grain.Judge(clearing);
        var received = await alerts.ReceiveAtLeastAsync(2, $"alarm notifications of {device}", keep: IsAlarm);
        await TemperatureAlarm.KillEverySiloAsync(first);

        var second = await DynamoTestCluster.StartAsync(settings);
        var again = second.Client.GetGrain<IDeviceGrain>(device);
        var rejudged = await again.Judge(clearing);
        await again.Judge([At(device, 3, 36)]);
        received = await alerts.ReceiveAtLeastAsync(3, $"alarm notifications of {device}", received, IsAlarm);
        var escalated = await escalations.ReceiveAtLeastAsync(2, $"escalated alarm notifications of {device}", keep: IsAlarm);
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
