using Actors.Grains.Interfaces;

namespace Actors.Grains.Rules;

/// <summary>A grain's copy of the cluster rules, refreshed from the rules grain at most once per interval.</summary>
public sealed class RulesCache(IGrainFactory grains, TimeProvider time, TimeSpan refreshInterval)
{
    private DetectionRules? _rules;
    private DateTimeOffset _fetchedAt;

    public async ValueTask<DetectionRules> GetAsync()
    {
        var now = time.GetUtcNow();
        if (_rules is null || now - _fetchedAt >= refreshInterval)
        {
            _rules = await grains.GetGrain<IRulesGrain>(RulesGrainKey.Default).Get();
            _fetchedAt = now;
        }
        return _rules;
    }
}
