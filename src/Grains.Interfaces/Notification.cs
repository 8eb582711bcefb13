using System.Text.Json.Serialization;

namespace Actors.Grains.Interfaces;

/// <summary>
/// What a sink sends: one anomaly, or a summary of <see cref="Count"/> repeats of the same device, metric and type
/// that were folded during the cooldown (then <see cref="Anomaly"/> is the latest of them), or one alarm transition
/// (then <see cref="Anomaly"/> is the alarm's latest anomaly).
/// </summary>
[GenerateSerializer, Immutable, Alias("notification")]
public sealed record Notification
{
    /// <summary>Stable across retries, so a consumer can drop a re-delivered notification.</summary>
    [Id(0)] public required string NotificationId { get; init; }

    /// <summary>The anomaly record; last in the JSON notification.</summary>
    [Id(1), JsonPropertyOrder(1)] public required Anomaly Anomaly { get; init; }

    /// <summary>1 for a first alert; the number of folded repeats for a summary.</summary>
    [Id(2)] public required int Count { get; init; }
    [Id(3)] public required DateTime FirstTargetTime { get; init; }
    [Id(4)] public required DateTime LastTargetTime { get; init; }

    /// <summary>The alarm transition this notification announces, if it is one.</summary>
    [Id(5)] public AlarmTransition? Alarm { get; init; }
}
