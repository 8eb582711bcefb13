namespace Actors.Grains.Interfaces;

/// <summary>A device's latest reading as a source read it: its event time and product.</summary>
[GenerateSerializer, Immutable, Alias("last-seen")]
public sealed record LastSeen
{
    [Id(0)] public required string DeviceId { get; init; }
    [Id(1)] public string? ProductId { get; init; }
    [Id(2)] public required DateTime Time { get; init; }
}
