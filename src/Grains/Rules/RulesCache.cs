using Actors.Grains.Interfaces;
using Actors.Grains.Options;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Rules;

/// <summary>
/// The silo's copy of the cluster rules, refreshed from the rules grain at most once per
/// <see cref="DeviceGrainOptions.RulesRefreshInterval"/>, shared by every device grain of the silo so that they hold
/// one copy, not one each. Thread-safe; grains that find it stale at the same moment may each fetch once.
/// </summary>
public sealed class RulesCache(IGrainFactory grains, TimeProvider time, IOptions<DeviceGrainOptions> options)
{
    private Fetched? _latest;

    /// <summary>The rules in force, fetched again when the copy is older than the refresh interval.</summary>
    public ValueTask<DetectionRules> GetAsync()
    {
        var latest = Volatile.Read(ref _latest);
        return latest is not null && time.GetUtcNow() - latest.At < options.Value.RulesRefreshInterval
            ? ValueTask.FromResult(latest.Rules)
            : new ValueTask<DetectionRules>(FetchAsync());
    }

    private async Task<DetectionRules> FetchAsync()
    {
        var at = time.GetUtcNow();
        var rules = await grains.GetGrain<IRulesGrain>(RulesGrainKey.Default).Get();
        Volatile.Write(ref _latest, new Fetched(rules, at));
        return rules;
    }

    private sealed record Fetched(DetectionRules Rules, DateTimeOffset At);
}
