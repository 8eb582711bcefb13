namespace Actors.Grains.Interfaces;

/// <summary>An alarm as operators see it: in <c>alarms list</c> (without history) and <c>alarms show</c>.</summary>
[GenerateSerializer, Immutable, Alias("alarm-view")]
public sealed record AlarmView
{
    [Id(0)] public required string DeviceId { get; init; }
    [Id(1)] public string? ProductId { get; init; }
    [Id(2)] public required string Metric { get; init; }
    [Id(3)] public required string Rule { get; init; }
    [Id(4)] public required AlarmState State { get; init; }
    [Id(5)] public required int Severity { get; init; }

    /// <summary>When the alarm entered its state (see <see cref="AlarmTransition.At"/>).</summary>
    [Id(6)] public required DateTime Since { get; init; }
    [Id(7)] public required int Count { get; init; }
    [Id(8)] public DateTime? SnoozedUntil { get; init; }
    [Id(9)] public Anomaly? Cause { get; init; }
    [Id(10)] public AlarmHistoryEntry[] History { get; init; } = [];
}
