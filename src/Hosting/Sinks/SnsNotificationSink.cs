using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Actors.Aws.Sns;
using Actors.Detection.Records;
using Actors.Grains.Interfaces;
using Actors.Grains.Sinks;
using Microsoft.Extensions.Options;

namespace Actors.Hosting.Sinks;

/// <summary>
/// Publishes each notification to the SNS topic: a short subject, the JSON notification as the message, and message
/// attributes (type, device, product, metric, notification ID; alarm state and severity for alarm transitions) that
/// subscription filter policies can match. Escalated alarm notifications also go to the escalation topic, if one is set.
/// To a FIFO topic each notification goes in its device's message group, deduplicated by its notification ID: a
/// notification delivered again after a crash (its silo died between SNS accepting it and the notifier recording that)
/// is dropped by SNS, so a FIFO queue subscribed to the topic receives it once.
/// </summary>
public sealed class SnsNotificationSink(ISnsClient sns, IOptions<SnsSinkOptions> options) : INotificationSink
{
    private const int MaxSubjectLength = 100;

    public string Name => "sns";

    public async Task SendAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var topicArn = options.Value.TopicArn ?? throw new InvalidOperationException($"{SnsSinkOptions.SectionName}:{nameof(SnsSinkOptions.TopicArn)} is not configured.");
        foreach (var notification in notifications)
        {
            var message = JsonSerializer.Serialize(notification, AlertJsonContext.Records.Notification);
            await sns.PublishAsync(topicArn, Subject(notification), message, Attributes(notification), FifoKeysFor(topicArn, notification), cancellationToken);
            if (notification.Alarm is { Escalated: true } && options.Value.EscalationTopicArn is { Length: > 0 } escalation)
            {
                await sns.PublishAsync(escalation, Subject(notification), message, Attributes(notification), FifoKeysFor(escalation, notification), cancellationToken);
            }
        }
    }

    public static string Subject(Notification notification)
    {
        var anomaly = notification.Anomaly;
        var subject = notification.Alarm is { } alarm
            ? $"ALARM {(alarm.Renotify ? "STILL " : "")}{alarm.State.ToString().ToUpperInvariant()} sev {alarm.Severity}: {alarm.DeviceId} {alarm.Metric} {alarm.Rule}"
            : notification.Count > 1
            ? $"{anomaly.AnomalyType} x{notification.Count}: {anomaly.DeviceId} {anomaly.Metric}"
            : $"{anomaly.AnomalyType}: {anomaly.DeviceId} {anomaly.Metric} = {anomaly.MeasuredValue:G6}";
        var ascii = new string(subject.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
        return ascii.Length <= MaxSubjectLength ? ascii : ascii[..MaxSubjectLength];
    }

    /// <summary>
    /// The device's message group and the notification's deduplication ID, as SHA-256 hex: IDs may be longer than the
    /// 128 characters SNS takes, or hold characters it refuses.
    /// </summary>
    public static SnsFifoKeys FifoKeys(Notification notification) =>
        new(Hash(notification.Anomaly.DeviceId), Hash(notification.NotificationId));

    private static SnsFifoKeys? FifoKeysFor(string topicArn, Notification notification) =>
        SnsFifoKeys.IsFifoTopic(topicArn) ? FifoKeys(notification) : null;

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static Dictionary<string, string> Attributes(Notification notification)
    {
        var anomaly = notification.Anomaly;
        var attributes = new Dictionary<string, string>
        {
            ["type"] = anomaly.AnomalyType.ToString(),
            ["device"] = anomaly.DeviceId,
            ["metric"] = anomaly.Metric,
            ["notification_id"] = notification.NotificationId,
        };
        if (notification.Alarm is { } alarm)
        {
            attributes["alarm_state"] = alarm.State.ToString();
            attributes["severity"] = alarm.Severity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (!string.IsNullOrEmpty(anomaly.ProductId))
        {
            attributes["product"] = anomaly.ProductId;
        }
        return attributes;
    }
}
