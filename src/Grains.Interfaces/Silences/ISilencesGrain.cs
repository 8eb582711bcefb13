namespace Actors.Grains.Interfaces;

/// <summary>
/// The cluster's silences (one grain, key <see cref="SilencesGrainKey.Default"/>), persisted. Notifier shards read them
/// through a per-silo copy refreshed every <c>Silences:RefreshInterval</c>, never once per notification.
/// </summary>
[Alias("silences")]
public interface ISilencesGrain : IGrainWithIntegerKey
{
    /// <summary>Adds the silence; returns it with its <see cref="Silence.Id"/> and <see cref="Silence.CreatedAt"/>.</summary>
    /// <exception cref="ArgumentException">It has no pattern, or it ends before it starts or in the past.</exception>
    [Alias("add")]
    [AdminOperation]
    Task<Silence> Add(Silence silence);

    /// <summary>Removes the silence; returns it, or null when no silence that has not ended has that ID.</summary>
    [Alias("remove")]
    [AdminOperation]
    Task<Silence?> Remove(long id);

    /// <summary>The silences that have not ended, in force or still to come, by ID.</summary>
    [Alias("list")]
    Task<Silence[]> List();
}
