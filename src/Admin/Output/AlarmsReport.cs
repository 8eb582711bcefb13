namespace Actors.Admin.Output;

/// <summary><c>alarms list</c> and <c>alarms show</c>: the matching alarms that are not NORMAL.</summary>
public sealed record AlarmsReport
{
    /// <summary>Index shards asked (none for <c>alarms show</c>, which asks the device).</summary>
    public required int ShardsQueried { get; init; }
    public required int Count { get; init; }
    public required AlarmReport[] Alarms { get; init; }
}
