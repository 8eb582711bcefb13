using Actors.Grains.Interfaces;

namespace Actors.Grains.Notifier;

/// <summary>A notification not yet accepted by every sink it is meant for (in memory; its pending sinks are persisted as ranges of ordinals in <see cref="NotifierState.Pending"/>).</summary>
public sealed class OutboxEntry
{
    public required Notification Notification { get; init; }
    public required long Ordinal { get; init; }
    public required List<string> PendingSinks { get; init; }
    public required DateTime EnqueuedAt { get; init; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
}
