namespace Actors.Grains.Interfaces;

/// <summary>Filter for recent anomalies; a null member matches everything.</summary>
[GenerateSerializer, Immutable, Alias("alert-query")]
public sealed record AlertQuery
{
    [Id(0)] public string? DeviceId { get; init; }
    [Id(1)] public string? ProductId { get; init; }
    [Id(2)] public AnomalyType? Type { get; init; }

    /// <summary>Only anomalies with TargetTime at or after this (UTC).</summary>
    [Id(3)] public DateTime? Since { get; init; }
    [Id(4)] public int Limit { get; init; } = 100;
}
