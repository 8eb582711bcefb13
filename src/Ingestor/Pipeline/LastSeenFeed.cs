using System.Runtime.InteropServices;
using Actors.Grains.Interfaces;

namespace Actors.Ingestor.Pipeline;

/// <summary>
/// Keeps each device's latest reading a source sent to be judged since the last checkpoint, and hands them to the
/// no-data watch at the checkpoint (<see cref="INoDataFeedGrain"/>): a few calls per checkpoint, not one per reading.
/// </summary>
/// <param name="grains">Where the grains are.</param>
/// <param name="onEventTime">
/// True for a replay: the watch runs on the latest event time read, so a replay raises the silences its data holds;
/// false for live ingest, whose silences run on the silos' wall clock.
/// </param>
public sealed class LastSeenFeed(IGrainFactory grains, bool onEventTime)
{
    /// <summary>Devices per call, to keep messages small whatever the fleet.</summary>
    private const int DevicesPerCall = 10_000;

    private readonly Dictionary<string, (DateTime Time, string? ProductId)> _latest = new(StringComparer.Ordinal);
    private DateTime? _eventClock;

    /// <summary>A reading that its device will judge.</summary>
    public void Saw(Reading reading)
    {
        ref var latest = ref CollectionsMarshal.GetValueRefOrAddDefault(_latest, reading.DeviceId, out var known);
        if (!known || reading.Timestamp > latest.Time)
        {
            latest = (reading.Timestamp, reading.ProductId);
        }
        if (onEventTime && !(reading.Timestamp <= _eventClock))
        {
            _eventClock = reading.Timestamp;
        }
    }

    /// <summary>Hands what was seen since the last call to the watch; on failure it is kept for the next.</summary>
    public async Task FlushAsync()
    {
        if (_latest.Count == 0 && _eventClock is null)
        {
            return;
        }
        var seen = _latest.Select(d => new LastSeen { DeviceId = d.Key, ProductId = d.Value.ProductId, Time = d.Value.Time }).ToArray();
        var feed = grains.GetGrain<INoDataFeedGrain>(0);
        if (seen.Length == 0)
        {
            await feed.Seen([], _eventClock);
        }
        foreach (var chunk in seen.Chunk(DevicesPerCall))
        {
            await feed.Seen(chunk, _eventClock);
        }
        _latest.Clear();
    }
}
