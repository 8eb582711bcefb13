using Actors.Grains.Interfaces;

namespace Actors.Grains.Notifier;

/// <summary>A notification not yet accepted by every sink it is meant for.</summary>
[GenerateSerializer, Alias("outbox-entry")]
public sealed class OutboxEntry
{
    [Id(0)] public required Notification Notification { get; init; }
    [Id(1)] public required List<string> PendingSinks { get; init; }
    [Id(2)] public int Attempts { get; set; }
    [Id(3)] public DateTime NextAttemptAt { get; set; }
}
