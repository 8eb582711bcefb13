using System.Text.Json;
using Actors.Aws.Kinesis;
using Actors.Aws.Sns;
using Actors.Detection.Alarms;
using Actors.Detection.Records;
using Actors.Grains.Interfaces;
using Actors.Grains.Sinks;
using Microsoft.Extensions.Options;

namespace Actors.Hosting.Sinks;

/// <summary>
/// Publishes a <see cref="DeviceCommand"/> for each alarm transition whose rule and state have a route in
/// <c>Commands:Rules</c>: to the route's SNS topic (message attributes <c>device</c>, <c>rule</c>, <c>alarm_state</c>;
/// on a FIFO topic in the device's message group, deduplicated by the command ID) or its Kinesis stream (keyed by
/// device). Other notifications send nothing. Being a notifier sink, a command is recorded once per transition and
/// retried until accepted, as notifications are.
/// </summary>
public sealed class CommandNotificationSink(ISnsClient sns, KinesisPutter putter, IOptions<CommandOptions> options) : INotificationSink
{
    public string Name => "commands";

    public async Task SendAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var streamed = new Dictionary<string, List<PutRecordsEntry>>(StringComparer.Ordinal);
        foreach (var notification in notifications)
        {
            if (notification.Alarm is not { } transition || options.Value.For(transition) is not { } route)
            {
                continue;
            }
            var command = DeviceCommand.For(transition, route);
            if (route.TopicArn is { Length: > 0 } topicArn)
            {
                var json = JsonSerializer.Serialize(command, AlertJsonContext.Records.DeviceCommand);
                var fifo = SnsFifoKeys.IsFifoTopic(topicArn) ? SnsNotificationSink.FifoKeys(notification) : null;
                await sns.PublishAsync(topicArn, $"COMMAND {transition.State.ToString().ToUpperInvariant()}: {transition.DeviceId}", json, Attributes(command), fifo, cancellationToken);
            }
            else
            {
                var entries = streamed.TryGetValue(route.StreamName!, out var list) ? list : streamed[route.StreamName!] = [];
                entries.Add(new PutRecordsEntry(JsonSerializer.SerializeToUtf8Bytes(command, AlertJsonContext.Records.DeviceCommand), command.DeviceId));
            }
        }
        foreach (var (stream, entries) in streamed)
        {
            await putter.PutAllAsync(stream, entries, cancellationToken);
        }
    }

    private static Dictionary<string, string> Attributes(DeviceCommand command) => new()
    {
        ["device"] = command.DeviceId,
        ["rule"] = command.Rule,
        ["alarm_state"] = command.State.ToString(),
        ["command_id"] = command.CommandId,
    };
}
