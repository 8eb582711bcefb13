using System.Text;
using System.Text.Json;
using Actors.Aws.Kinesis;
using Actors.Aws.Tests.Kinesis;
using Actors.Aws.Tests.Notifier;
using Actors.Grains.Interfaces;
using Actors.TestSupport;
using Amazon.SQS.Model;
using Xunit;
using static Actors.Aws.Tests.Alarms.TemperatureAlarm;

namespace Actors.Aws.Tests.Alarms;

/// <summary>
/// Commands back to devices (moto, grain state in DynamoDB): the alarm's ACTIVE transitions publish their command to an
/// SNS topic (seen on an SQS queue subscribed to it), its NORMAL transition to a Kinesis stream, each exactly once even
/// when the device is judged again from its checkpoint after every silo was killed.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class DeviceCommandTests(MotoServer moto)
{
    [Fact]
    public async Task Each_transition_s_command_reaches_its_topic_or_stream_once_across_a_crash()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var device = $"line-{suffix}";
        var stream = $"commands-{suffix}";
        using var commands = await AlertQueue.CreateAsync(moto, $"commands-{suffix}");
        using var handler = new SocketsHttpHandler();
        var kinesis = TestClients.Kinesis(moto.ServiceUrl, handler);
        await kinesis.CreateStreamAsync(stream, 1);
        var settings = TemperatureAlarm.Settings(moto, suffix);
        settings["Notifier:Sinks:0"] = "commands";
        settings["Commands:Rules:Threshold:Active:TopicArn"] = commands.TopicArn;
        settings["Commands:Rules:Threshold:Active:Payload:action"] = "stop";
        settings["Commands:Rules:Threshold:Active:Payload:target"] = "{DeviceId}";
        settings["Commands:Rules:Threshold:Normal:StreamName"] = stream;
        settings["Commands:Rules:Threshold:Normal:Payload:action"] = "start";

        var first = await TemperatureAlarm.StartAsync(settings, device);
        var grain = first.Client.GetGrain<IDeviceGrain>(device);
        await grain.Judge([At(device, 1, 35)]);
        await grain.Persist();
        Reading[] clearing = [At(device, 2, 20)];
        await grain.Judge(clearing);
        var published = await commands.ReceiveAtLeastAsync(1, $"commands of {device}");
        var streamed = await ReadStreamUntilAsync(kinesis, stream, 1);
        await TemperatureAlarm.KillEverySiloAsync(first);

        var second = await DynamoTestCluster.StartAsync(settings);
        var again = second.Client.GetGrain<IDeviceGrain>(device);
        await again.Judge(clearing);
        await again.Judge([At(device, 3, 36)]);
        published = await commands.ReceiveAtLeastAsync(2, $"commands of {device}", published);
        await second.StopAllSilosAsync();
        await second.DisposeAsync();
        streamed = await ReadStreamUntilAsync(kinesis, stream, 1);

        Assert.Equal(
            [("Active", "stop", device, "12:00:01"), ("Active", "stop", device, "12:00:03")],
            published.Select(m => Command(m.Body)).Select(c => (c.State, c.Payload.GetProperty("action").GetString()!, c.Payload.GetProperty("target").GetString()!, c.At[11..])).Order());
        var normal = Command(Assert.Single(streamed));
        Assert.Equal(("Normal", "Active", "start", "12:00:02"), (normal.State, normal.PreviousState, normal.Payload.GetProperty("action").GetString()!, normal.At[11..]));
        Assert.All(published.Select(m => Command(m.Body)).Append(normal), c => Assert.Equal(device, c.DeviceId));
    }

    private static (string DeviceId, string State, string PreviousState, string At, JsonElement Payload) Command(string json)
    {
        var root = JsonDocument.Parse(json).RootElement.Clone();
        return (root.GetProperty("DeviceId").GetString()!, root.GetProperty("State").GetString()!, root.GetProperty("PreviousState").GetString()!, root.GetProperty("At").GetString()!, root.GetProperty("Payload"));
    }

    /// <summary>Every record of the stream, once it holds at least <paramref name="count"/>.</summary>
    private static async Task<List<string>> ReadStreamUntilAsync(KinesisClient kinesis, string stream, int count)
    {
        var records = new List<string>();
        await Eventually.Until(async () =>
        {
            records = await ReadStreamAsync(kinesis, stream);
            return records.Count >= count;
        }, TimeSpan.FromSeconds(60), $"{count} commands on stream {stream} (have {records.Count})");
        return records;
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
