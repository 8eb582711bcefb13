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
/// Silences through the SNS sink to an SQS queue subscribed to the topic (moto), with grain state in DynamoDB: while a
/// silence matches, the alarm changes state but nothing reaches the queue, the silence survives a restart of every
/// silo, and once it is removed the next transitions are sent; what was silenced is never sent later.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class SilenceSnsTests(MotoServer moto)
{
    [Fact]
    public async Task Nothing_is_sent_while_a_silence_matches_and_sending_resumes_once_it_ended()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var device = $"press-{suffix}";
        using var alerts = await AlertQueue.CreateAsync(moto, $"silenced-{suffix}");
        var settings = TemperatureAlarm.Settings(moto, suffix);
        settings["Notifier:Sinks:0"] = "sns";
        settings["Sns:TopicArn"] = alerts.TopicArn;
        settings["Silences:RefreshInterval"] = "00:00:00";

        var first = await TemperatureAlarm.StartAsync(settings, device);
        var silence = await first.Client.GetGrain<ISilencesGrain>(SilencesGrainKey.Default).Add(new Silence
        {
            Device = $"press-{suffix[..4]}*",
            Rule = "threshold",
            StartsAt = DateTime.UtcNow,
            EndsAt = DateTime.UtcNow.AddHours(1),
            CreatedBy = "ops",
            Note = "maintenance",
        });
        var grain = first.Client.GetGrain<IDeviceGrain>(device);
        await grain.Judge([At(device, 1, 35)]);
        await grain.Persist();
        var raised = Assert.Single(await grain.GetAlarms());
        var notifier = first.Client.GetGrain<INotifierGrain>(NotifierShard.For(device, 4));
        var silenced = (await notifier.GetSnapshot()).Silenced;
        await TemperatureAlarm.KillEverySiloAsync(first);

        var second = await DynamoTestCluster.StartAsync(settings);
        var silences = second.Client.GetGrain<ISilencesGrain>(SilencesGrainKey.Default);
        var afterRestart = await silences.List();
        await silences.Remove(silence.Id);
        var again = second.Client.GetGrain<IDeviceGrain>(device);
        await again.Judge([At(device, 2, 20)]);
        await again.Judge([At(device, 3, 36)]);
        var received = await alerts.ReceiveAtLeastAsync(3, $"notifications of {device}");
        await second.StopAllSilosAsync();
        await second.DisposeAsync();

        Assert.Equal(AlarmState.Active, raised.State);
        Assert.Equal(2, silenced);
        Assert.Equal(silence, Assert.Single(afterRestart, s => s.Id == silence.Id));
        Assert.Equal(
            [(2, "Alarm Normal"), (3, "Alarm Active"), (3, "Anomaly")],
            received.Select(Describe).Order());
    }

    /// <summary>The second of the reading that made the notification, and what it is.</summary>
    private static (int Second, string What) Describe(Message message)
    {
        using var body = JsonDocument.Parse(message.Body);
        var root = body.RootElement;
        return root.TryGetProperty("Alarm", out var alarm)
            ? (Second(alarm.GetProperty("At")), $"Alarm {alarm.GetProperty("State").GetString()}")
            : (Second(root.GetProperty("Anomaly").GetProperty("TargetTime")), "Anomaly");
    }

    private static int Second(JsonElement time) =>
        DateTime.ParseExact(time.GetString()!, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture).Second;
}
