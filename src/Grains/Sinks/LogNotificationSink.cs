using System.Text.Json;
using Actors.Detection.Records;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Sinks;

/// <summary>Writes each notification as a log line; the sink of the embedded run.</summary>
public sealed partial class LogNotificationSink(ILogger<LogNotificationSink> logger) : INotificationSink
{
    public string Name => "log";

    public Task SendAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        foreach (var notification in notifications)
        {
            var anomaly = notification.Anomaly;
            if (notification.Alarm is { } alarm)
            {
                LogAlarm(logger, alarm.State, alarm.PreviousState, alarm.Severity, alarm.DeviceId, alarm.Metric, alarm.Rule, alarm.Count, alarm.Actor, JsonSerializer.Serialize(notification, AlertJsonContext.Records.Notification));
                continue;
            }
            LogAlert(logger, anomaly.AnomalyType, anomaly.DeviceId, anomaly.ProductId, anomaly.Metric, notification.Count, JsonSerializer.Serialize(anomaly, AlertJsonContext.Records.Anomaly));
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ALERT {Type} device={DeviceId} product={ProductId} metric={Metric} count={Count} {Record}")]
    private static partial void LogAlert(ILogger logger, AnomalyType type, string deviceId, string? productId, string metric, int count, string record);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ALARM {State} (was {PreviousState}) severity={Severity} device={DeviceId} metric={Metric} rule={Rule} count={Count} by={Actor} {Record}")]
    private static partial void LogAlarm(ILogger logger, AlarmState state, AlarmState previousState, int severity, string deviceId, string metric, string rule, int count, string? actor, string record);
}
