namespace Actors.Grains.Interfaces;

/// <summary>A device's answer to <see cref="IDeviceGrain.CheckSilence"/>.</summary>
[GenerateSerializer, Immutable, Alias("silence-check")]
public sealed record SilenceCheck
{
    [Id(0)] public required SilenceOutcome Outcome { get; init; }

    /// <summary>When the device's silence ends (or ended): its latest reading plus its <c>NoData:After</c>.</summary>
    [Id(1)] public DateTime? Due { get; init; }
}
