using Actors.Grains.Interfaces;

namespace Actors.Grains.Sinks;

/// <summary>A destination for notifications (log, file, SNS, Kinesis). A sink throws when it could not deliver; the notifier retries.</summary>
public interface INotificationSink
{
    /// <summary>The name used in <c>Notifier:Sinks</c>.</summary>
    string Name { get; }

    Task SendAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken);
}
