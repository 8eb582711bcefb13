using Actors.Grains.Interfaces;
using Actors.Grains.Options;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Silences;

/// <summary>
/// The silo's copy of the cluster's silences, fetched from the silences grain at most once per
/// <see cref="SilenceOptions.RefreshInterval"/> and shared by the silo's notifier shards, so that checking a
/// notification against the silences is a scan of a small in-memory array, not a grain call. Thread-safe; shards that
/// find it stale at the same moment may each fetch once.
/// </summary>
public sealed class SilenceCache(IGrainFactory grains, TimeProvider time, IOptions<SilenceOptions> options)
{
    private Fetched? _latest;

    /// <summary>The silences that had not ended when fetched; fetched again when the copy is older than the refresh interval.</summary>
    public ValueTask<Silence[]> GetAsync()
    {
        var latest = Volatile.Read(ref _latest);
        return latest is not null && time.GetUtcNow() - latest.At < options.Value.RefreshInterval
            ? ValueTask.FromResult(latest.Silences)
            : new ValueTask<Silence[]>(FetchAsync());
    }

    private async Task<Silence[]> FetchAsync()
    {
        var at = time.GetUtcNow();
        var silences = await grains.GetGrain<ISilencesGrain>(SilencesGrainKey.Default).List();
        Volatile.Write(ref _latest, new Fetched(silences, at));
        return silences;
    }

    private sealed record Fetched(Silence[] Silences, DateTimeOffset At);
}
