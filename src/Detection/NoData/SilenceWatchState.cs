namespace Actors.Detection.NoData;

/// <summary>
/// What a watch shard stores: per device its ID and the step at which its silence ends (the complement when its alarm
/// is raised) as two parallel arrays, about the ID's length plus 5 bytes per device; and the event clock of a replay.
/// </summary>
[GenerateSerializer, Alias("silence-watch-state")]
public sealed class SilenceWatchState
{
    /// <summary>The resolution the steps are counted in (<see cref="NoDataOptions.Resolution"/> when they were written).</summary>
    [Id(0)] public TimeSpan Resolution { get; set; }
    [Id(1)] public string[] Devices { get; set; } = [];
    [Id(2)] public int[] Due { get; set; } = [];

    /// <summary>The latest event time a replay fed; null while fed by live ingest, whose silences run on the wall clock.</summary>
    [Id(3)] public DateTime? EventClock { get; set; }
}
