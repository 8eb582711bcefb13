namespace Actors.Grains.Interfaces;

/// <summary>An operator's action on one alarm of a device, with who asked and why (kept in the alarm's history).</summary>
[GenerateSerializer, Immutable, Alias("alarm-command")]
public sealed record AlarmCommand
{
    [Id(0)] public required string Metric { get; init; }

    /// <summary>The rule that raised the alarm: an <see cref="AnomalyType"/> name.</summary>
    [Id(1)] public required string Rule { get; init; }
    [Id(2)] public required AlarmAction Action { get; init; }

    /// <summary>Who acts (an operator's name).</summary>
    [Id(3)] public required string Actor { get; init; }
    [Id(4)] public string? Note { get; init; }

    /// <summary>End of the snooze (UTC); <see cref="AlarmAction.Snooze"/> only.</summary>
    [Id(5)] public DateTime? Until { get; init; }
}
