namespace Actors.Grains.Interfaces;

/// <summary>The cluster's detection rules (single grain, key <see cref="RulesGrainKey.Default"/>).</summary>
[Alias("rules")]
public interface IRulesGrain : IGrainWithStringKey
{
    [Alias("get")]
    Task<DetectionRules> Get();

    /// <summary>Replaces the rules; returns them with the new version.</summary>
    [Alias("set")]
    [AdminOperation]
    Task<DetectionRules> Set(DetectionRules rules);
}
