namespace Actors.Admin.Output;

/// <summary><c>alerts list</c>: the matching anomalies of every notifier shard asked, merged newest first.</summary>
public sealed record AlertsReport
{
    /// <summary>Notifier shards asked (one when filtering by device, else all).</summary>
    public required int ShardsQueried { get; init; }
    public required int Count { get; init; }
    public required AlertReport[] Alerts { get; init; }
}
