using Actors.Grains.Interfaces;

namespace Actors.Admin.Tests;

/// <summary>A test grain that changes the rules itself: its call to the rules grain is grain-to-grain, not an admin call.</summary>
[Alias("test-rules-relay")]
public interface IRulesRelayGrain : IGrainWithStringKey
{
    [Alias("set-rules")]
    Task<DetectionRules> SetRules(DetectionRules rules);
}
