using Actors.Grains.Interfaces;
using Microsoft.Extensions.Options;

using Orleans.Runtime;

namespace Actors.Grains.Rules;

/// <summary>Holds the cluster's detection rules; starts from the configured defaults (section <c>Rules</c>).</summary>
public sealed class RulesGrain(
    [PersistentState("rules", StorageNames.State)] IPersistentState<DetectionRules> state,
    IOptions<DetectionRules> defaults) : Grain, IRulesGrain
{
    public Task<DetectionRules> Get() => Task.FromResult(state.RecordExists ? state.State : defaults.Value);

    public async Task<DetectionRules> Set(DetectionRules rules)
    {
        var current = await Get();
        state.State = rules with { Version = current.Version + 1 };
        await state.WriteStateAsync();
        return state.State;
    }
}
