using System.Text.Json.Serialization;

namespace Actors.Grains.Interfaces;

/// <summary>
/// One anomaly, in the record shape the downstream consumers read (the README's anomaly record):
/// AnomalyType, TargetTime, MeasuredValue, UpperLimit, LowerLimit, BaselineRef, ProductId, DeviceId, Metric,
/// plus what the rule that found it needs to be understood.
/// </summary>
/// <remarks>
/// The JSON record lists the properties in declaration order; the first nine are always written (null when absent),
/// the rest only when set. A new property is one line at the end.
/// </remarks>
[GenerateSerializer, Immutable, Alias("anomaly")]
public sealed record Anomaly
{
    [Id(1)] public required AnomalyType AnomalyType { get; init; }

    /// <summary>Event time (UTC) of the reading judged.</summary>
    [Id(2)] public required DateTime TargetTime { get; init; }

    /// <summary>The value judged: the reading's value, or the five-value mean for <see cref="AnomalyType.Confirmed"/>.</summary>
    [Id(3)] public required double MeasuredValue { get; init; }
    [Id(4), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public double? UpperLimit { get; init; }
    [Id(5), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public double? LowerLimit { get; init; }

    /// <summary>The date key of the control limits used (SPC rules only).</summary>
    [Id(6), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? BaselineRef { get; init; }
    [Id(7), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? ProductId { get; init; }
    [Id(8)] public required string DeviceId { get; init; }
    [Id(9)] public required string Metric { get; init; }

    /// <summary>Stable identity: the same anomaly always gets the same ID, so a re-delivery can be recognized.</summary>
    [Id(0)] public required string AlertId { get; init; }

    /// <summary>z-score of the value in its window (<see cref="AnomalyType.ZScore"/> only).</summary>
    [Id(10)] public double? ZScore { get; init; }

    /// <summary>Start (UTC) of the window the z-score was computed in.</summary>
    [Id(11)] public DateTime? WindowStart { get; init; }

    /// <summary>End (UTC, exclusive) of the window the z-score was computed in.</summary>
    [Id(12)] public DateTime? WindowEnd { get; init; }

    /// <summary>Human-readable rule, e.g. <c>temperature &gt;= 30</c> or <c>|z| &gt; 3</c>.</summary>
    [Id(13)] public string? Rule { get; init; }

    /// <summary>How anomalous, 0 to 1: the learned rule's score (<see cref="AnomalyType.Learned"/>); 1 for the fixed rules.</summary>
    [Id(14)] public double Score { get; init; } = 1;

    /// <summary>
    /// Event time (UTC) at which the rule could decide: the reading's time for rules that judge one reading, the
    /// window's end for the z-score rule. Null in records written before it existed.
    /// </summary>
    [Id(15)] public DateTime? DetectedAt { get; init; }
}
