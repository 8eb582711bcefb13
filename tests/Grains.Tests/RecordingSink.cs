using System.Collections.Concurrent;
using Actors.Grains.Interfaces;
using Actors.Grains.Sinks;

namespace Actors.Grains.Tests;

/// <summary>A sink that records what it was sent and fails while a device's failure budget lasts.</summary>
public sealed class RecordingSink : INotificationSink
{
    public static readonly RecordingSink Instance = new();

    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();
    private readonly ConcurrentQueue<Notification> _delivered = new();
    private long _failedCalls;

    public string Name => "recording";

    public long FailedCalls => Interlocked.Read(ref _failedCalls);

    /// <summary>The next <paramref name="times"/> deliveries containing this device fail.</summary>
    public void FailFor(string deviceId, int times) => _failuresLeft[deviceId] = times;

    public IReadOnlyList<Notification> DeliveredFor(string deviceId) => _delivered.Where(n => n.Anomaly.DeviceId == deviceId).ToList();

    public Task SendAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        foreach (var deviceId in notifications.Select(n => n.Anomaly.DeviceId).Distinct())
        {
            if (_failuresLeft.TryGetValue(deviceId, out var left) && left > 0)
            {
                _failuresLeft[deviceId] = left - 1;
                Interlocked.Increment(ref _failedCalls);
                throw new IOException($"simulated outage of the recording sink for {deviceId}");
            }
        }
        foreach (var notification in notifications)
        {
            _delivered.Enqueue(notification);
        }
        return Task.CompletedTask;
    }
}
