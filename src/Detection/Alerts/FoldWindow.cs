using Actors.Grains.Interfaces;

namespace Actors.Detection.Alerts;

/// <summary>The cooldown of one device, metric and type: when it opened and what was folded into it since.</summary>
[GenerateSerializer, Alias("fold-window")]
public sealed class FoldWindow
{
    [Id(0)] public DateTime OpenedAt { get; set; }
    [Id(1)] public int Folded { get; set; }
    [Id(2)] public Anomaly? LastFolded { get; set; }
    [Id(3)] public DateTime FirstFoldedTime { get; set; }
}
