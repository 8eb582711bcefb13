using Actors.Grains.Interfaces;

namespace Actors.Admin.Tests;

public sealed class RulesRelayGrain : Grain, IRulesRelayGrain
{
    public Task<DetectionRules> SetRules(DetectionRules rules) => GrainFactory.GetGrain<IRulesGrain>(RulesGrainKey.Default).Set(rules);
}
