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
            await sns.PublishAsync(topicArn, Subject(notification), message, Attributes(notification), cancellationToken);
            if (notification.Alarm is { Escalated: true } && options.Value.EscalationTopicArn is { Length: > 0 } escalation)
            {
                await sns.PublishAsync(escalation, Subject(notification), message, Attributes(notification), cancellationToken);
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
