namespace Actors.Grains.Interfaces;

/// <summary>What a no-data watch shard holds.</summary>
[GenerateSerializer, Immutable, Alias("no-data-watch-snapshot")]
public sealed record NoDataWatchSnapshot
{
    /// <summary>Devices watched, raised ones included.</summary>
    [Id(0)] public required int Devices { get; init; }

    /// <summary>Devices whose NoData alarm is raised.</summary>
    [Id(1)] public required int Raised { get; init; }

    /// <summary>The shard's time: a replay's event clock, or the wall clock.</summary>
    [Id(2)] public required DateTime Now { get; init; }

    /// <summary>Whether the shard runs on a replay's event clock.</summary>
    [Id(3)] public required bool OnEventTime { get; init; }
}
