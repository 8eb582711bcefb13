using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary>One anomaly, as <c>alerts list</c> and <c>device show</c> report it.</summary>
public sealed record AlertReport
{
    public required string AlertId { get; init; }
    public required AnomalyType AnomalyType { get; init; }
    public required DateTime TargetTime { get; init; }
    public required double MeasuredValue { get; init; }
    public double? UpperLimit { get; init; }
    public double? LowerLimit { get; init; }
    public string? BaselineRef { get; init; }
    public string? ProductId { get; init; }
    public required string DeviceId { get; init; }
    public required string Metric { get; init; }
    public double? ZScore { get; init; }
    public DateTime? WindowStart { get; init; }
    public DateTime? WindowEnd { get; init; }
    public string? Rule { get; init; }

    /// <summary>The report of <paramref name="anomaly"/>.</summary>
    public static AlertReport From(Anomaly anomaly) => new()
    {
        AlertId = anomaly.AlertId,
        AnomalyType = anomaly.AnomalyType,
        TargetTime = anomaly.TargetTime,
        MeasuredValue = anomaly.MeasuredValue,
        UpperLimit = anomaly.UpperLimit,
        LowerLimit = anomaly.LowerLimit,
        BaselineRef = anomaly.BaselineRef,
        ProductId = anomaly.ProductId,
        DeviceId = anomaly.DeviceId,
        Metric = anomaly.Metric,
        ZScore = anomaly.ZScore,
        WindowStart = anomaly.WindowStart,
        WindowEnd = anomaly.WindowEnd,
        Rule = anomaly.Rule,
    };
}
