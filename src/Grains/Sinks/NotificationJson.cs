using System.Text.Json;
using Actors.Detection.Device;
using Actors.Grains.Interfaces;

namespace Actors.Grains.Sinks;

/// <summary>A notification as JSON: the anomaly record followed by NotificationId, Count and the folded time span.</summary>
public static class NotificationJson
{
    public static string ToJson(Notification notification)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("NotificationId", notification.NotificationId);
            writer.WriteNumber("Count", notification.Count);
            writer.WriteString("FirstTargetTime", notification.FirstTargetTime);
            writer.WriteString("LastTargetTime", notification.LastTargetTime);
            writer.WritePropertyName("Anomaly");
            AnomalyJson.Write(writer, notification.Anomaly);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
