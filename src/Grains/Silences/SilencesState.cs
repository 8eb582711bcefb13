using Actors.Grains.Interfaces;

namespace Actors.Grains.Silences;

/// <summary>The cluster's silences that had not ended at the last change, and the next ID to give.</summary>
[GenerateSerializer, Alias("silences-state")]
public sealed class SilencesState
{
    [Id(0)] public List<Silence> Silences { get; set; } = [];
    [Id(1)] public long NextId { get; set; } = 1;
}
