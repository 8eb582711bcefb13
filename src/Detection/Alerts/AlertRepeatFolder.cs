using Actors.Grains.Interfaces;

namespace Actors.Detection.Alerts;

/// <summary>
/// Bounds alert storms. The first anomaly of a device (or, for a product's own anomalies such as <c>Capability</c>,
/// which name no device, of a product), metric and type is notified at once and opens a cooldown;
/// repeats within the cooldown are folded; when the cooldown has passed, one summary carrying the number folded is
/// notified. Time is wall-clock time passed in by the caller, so the folding is testable without waiting, and a
/// notifier rebuilds its folder by offering its recorded anomalies again at the times they were first offered.
/// </summary>
public sealed class AlertRepeatFolder
{
    private readonly Dictionary<string, FoldWindow> _windows = [];

    public int OpenWindows => _windows.Count;

    /// <summary>Returns the notification to send now, or null when the anomaly was folded.</summary>
    public Notification? Offer(Anomaly anomaly, DateTime now, TimeSpan cooldown)
    {
        var key = anomaly.DeviceId.Length > 0
            ? $"{anomaly.DeviceId}/{anomaly.Metric}/{anomaly.AnomalyType}"
            : $"product:{anomaly.ProductId}/{anomaly.Metric}/{anomaly.AnomalyType}";
        if (_windows.TryGetValue(key, out var window) && now - window.OpenedAt < cooldown)
        {
            if (window.Folded == 0)
            {
                window.FirstFoldedTime = anomaly.TargetTime;
            }
            window.Folded++;
            window.LastFolded = anomaly;
            return null;
        }
        _windows[key] = new FoldWindow { OpenedAt = now };
        return new Notification
        {
            NotificationId = anomaly.AlertId,
            Anomaly = anomaly,
            Count = 1,
            FirstTargetTime = anomaly.TargetTime,
            LastTargetTime = anomaly.TargetTime,
        };
    }

    /// <summary>Closes every cooldown that has passed and returns a summary for each one that folded repeats.</summary>
    public List<Notification> Expire(DateTime now, TimeSpan cooldown)
    {
        var summaries = new List<Notification>();
        List<string>? expired = null;
        foreach (var (key, window) in _windows)
        {
            if (now - window.OpenedAt < cooldown)
            {
                continue;
            }
            (expired ??= []).Add(key);
            if (window.LastFolded is { } last)
            {
                summaries.Add(new Notification
                {
                    NotificationId = $"{last.AlertId}+{window.Folded}",
                    Anomaly = last,
                    Count = window.Folded,
                    FirstTargetTime = window.FirstFoldedTime,
                    LastTargetTime = last.TargetTime,
                });
            }
        }
        foreach (var key in expired ?? [])
        {
            _windows.Remove(key);
        }
        return summaries;
    }
}
