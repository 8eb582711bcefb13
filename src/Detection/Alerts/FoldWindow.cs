using Actors.Grains.Interfaces;

namespace Actors.Detection.Alerts;

/// <summary>The cooldown of one device, metric and type: when it opened and what was folded into it since.</summary>
public sealed class FoldWindow
{
    public DateTime OpenedAt { get; set; }
    public int Folded { get; set; }
    public Anomaly? LastFolded { get; set; }
    public DateTime FirstFoldedTime { get; set; }
}
