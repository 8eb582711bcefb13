namespace Actors.Grains.Interfaces;

/// <summary>When a device's silence ends (its latest reading plus its <c>NoData:After</c>).</summary>
[GenerateSerializer, Immutable, Alias("silence-due")]
public sealed record SilenceDue
{
    [Id(0)] public required string DeviceId { get; init; }
    [Id(1)] public required DateTime Due { get; init; }
}
