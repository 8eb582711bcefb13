namespace Actors.Grains.Interfaces;

public static class RulesGrainKey
{
    public const string Default = "default";
}
