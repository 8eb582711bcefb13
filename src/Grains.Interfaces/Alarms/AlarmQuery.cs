namespace Actors.Grains.Interfaces;

/// <summary>Filter of <c>alarms list</c>; a null member matches everything.</summary>
[GenerateSerializer, Immutable, Alias("alarm-query")]
public sealed record AlarmQuery
{
    [Id(0)] public AlarmState? State { get; init; }
    [Id(1)] public string? DeviceId { get; init; }
    [Id(2)] public string? ProductId { get; init; }

    /// <summary>Only alarms of at least this severity.</summary>
    [Id(3)] public int? MinSeverity { get; init; }

    /// <summary>Most alarms returned per index shard.</summary>
    [Id(4)] public int Limit { get; init; } = 1000;

    /// <summary>Only alarms of this rule (<c>Threshold</c>, <c>ZScore</c>, <c>NoData</c>, ...; any case).</summary>
    [Id(5)] public string? Rule { get; init; }

    [Id(6)] public string? Metric { get; init; }

    /// <summary>True when <paramref name="alarm"/> passes the filter.</summary>
    public bool Matches(AlarmView alarm) =>
        (State is null || alarm.State == State)
        && (DeviceId is null || alarm.DeviceId == DeviceId)
        && (ProductId is null || alarm.ProductId == ProductId)
        && (MinSeverity is null || alarm.Severity >= MinSeverity)
        && (Rule is null || string.Equals(alarm.Rule, Rule, StringComparison.OrdinalIgnoreCase))
        && (Metric is null || alarm.Metric == Metric);
}
