using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary>One alarm, as <c>alarms list</c> (without cause and history), <c>alarms show</c> and the actions report it.</summary>
public sealed record AlarmReport
{
    public required string DeviceId { get; init; }
    public string? ProductId { get; init; }
    public required string Metric { get; init; }
    public required string Rule { get; init; }
    public required AlarmState State { get; init; }
    public required int Severity { get; init; }
    public required DateTime Since { get; init; }
    public required int Count { get; init; }
    public DateTime? SnoozedUntil { get; init; }
    public AlertReport? Cause { get; init; }
    public required AlarmHistoryReport[] History { get; init; }

    /// <summary>The report of <paramref name="alarm"/>.</summary>
    public static AlarmReport From(AlarmView alarm) => new()
    {
        DeviceId = alarm.DeviceId,
        ProductId = alarm.ProductId,
        Metric = alarm.Metric,
        Rule = alarm.Rule,
        State = alarm.State,
        Severity = alarm.Severity,
        Since = alarm.Since,
        Count = alarm.Count,
        SnoozedUntil = alarm.SnoozedUntil,
        Cause = alarm.Cause is { } cause ? AlertReport.From(cause) : null,
        History = [.. alarm.History.Select(h => new AlarmHistoryReport { Action = h.Action, Actor = h.Actor, At = h.At, Note = h.Note })],
    };
}
