namespace Actors.Detection.NoData;

/// <summary>
/// The rules of one watch shard, free of Orleans: which devices' silences are due, on which clock. Live ingest feeds
/// no clock and the shard runs on the wall clock (<see cref="TimeProvider"/>); a replay feeds the latest event time it
/// read, and the shard runs on that until live ingest feeds it again, so a replay of old data raises the silences that
/// the data holds, not one per device against today's date.
/// </summary>
public sealed class SilenceWatch(TimeSpan resolution, TimeProvider time)
{
    private readonly SilenceTicks _ticks = new(resolution);

    public SilenceWheel Wheel { get; } = new();

    /// <summary>The event time a replay fed last; null on the wall clock.</summary>
    public DateTime? EventClock { get; private set; }

    /// <summary>The shard's time: the replay's event clock, or the wall clock.</summary>
    public DateTime Now => EventClock ?? time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Devices' silences end at the given times (their latest reading plus their silence). With an
    /// <paramref name="eventClock"/> the shard runs on it from now (the replay feeding it is its one source of time, so
    /// a new replay of older data starts its own clock); without, on the wall clock.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool Seen(IEnumerable<(string Device, DateTime Due)> devices, DateTime? eventClock)
    {
        var changed = eventClock != EventClock;
        EventClock = eventClock;
        foreach (var (device, due) in devices)
        {
            changed |= Wheel.Saw(device, _ticks.Ceiling(due));
        }
        return changed;
    }

    /// <summary>Takes up to <paramref name="max"/> devices whose silence ended by <see cref="Now"/> (whole steps).</summary>
    public List<string> TakeDue(int max) => Wheel.TakeDue(_ticks.Floor(Now), max);

    /// <summary>The device is silent only from <paramref name="due"/> on.</summary>
    public void NotDue(string device, DateTime due) => Wheel.Reschedule(device, _ticks.Ceiling(due));

    /// <summary>The device's alarm is raised for the silence that ended at <paramref name="due"/>.</summary>
    public void Raised(string device, DateTime due) => Wheel.MarkRaised(device, _ticks.Ceiling(due));

    /// <summary>The device's check failed: it is taken again at the next sweep.</summary>
    public void Retry(string device)
    {
        if (Wheel.TryGetDue(device, out var due) && due >= 0)
        {
            Wheel.Reschedule(device, due);
        }
    }

    /// <summary>What to store.</summary>
    public SilenceWatchState ToState()
    {
        var (devices, due) = Wheel.Export();
        return new SilenceWatchState { Resolution = resolution, Devices = devices, Due = due, EventClock = EventClock };
    }

    /// <summary>Takes back what was stored; steps counted in another resolution are converted (rounded up).</summary>
    public void Load(SilenceWatchState state)
    {
        EventClock = state.EventClock;
        var due = state.Due;
        if (state.Resolution != resolution && state.Resolution > TimeSpan.Zero)
        {
            var stored = new SilenceTicks(state.Resolution);
            due = [.. due.Select(step => step >= 0 ? _ticks.Ceiling(stored.ToTime(step)) : ~_ticks.Ceiling(stored.ToTime(~step)))];
        }
        Wheel.Import(state.Devices, due);
    }
}
