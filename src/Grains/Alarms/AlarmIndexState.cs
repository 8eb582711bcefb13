using Actors.Grains.Interfaces;

namespace Actors.Grains.Alarms;

/// <summary>The alarms that are not NORMAL of the devices of one index shard, without history or cause.</summary>
[GenerateSerializer, Alias("alarm-index-state")]
public sealed class AlarmIndexState
{
    [Id(0)] public Dictionary<string, AlarmView[]> Devices { get; set; } = new(StringComparer.Ordinal);
}
