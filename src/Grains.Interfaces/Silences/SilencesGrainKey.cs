namespace Actors.Grains.Interfaces;

/// <summary>The key of the cluster's one <see cref="ISilencesGrain"/>.</summary>
public static class SilencesGrainKey
{
    public const long Default = 0;
}
