using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary>One operator action on an alarm: who, when, what and why.</summary>
public sealed record AlarmHistoryReport
{
    public required AlarmAction Action { get; init; }
    public required string Actor { get; init; }
    public required DateTime At { get; init; }
    public string? Note { get; init; }
}
