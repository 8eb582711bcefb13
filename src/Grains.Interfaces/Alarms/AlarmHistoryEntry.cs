namespace Actors.Grains.Interfaces;

/// <summary>One operator action in an alarm's history.</summary>
[GenerateSerializer, Immutable, Alias("alarm-history-entry")]
public sealed record AlarmHistoryEntry
{
    [Id(0)] public required AlarmAction Action { get; init; }
    [Id(1)] public required string Actor { get; init; }

    /// <summary>When the operator acted (UTC, wall clock).</summary>
    [Id(2)] public required DateTime At { get; init; }
    [Id(3)] public string? Note { get; init; }
}
