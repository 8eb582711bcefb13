namespace Actors.Grains.Interfaces;

/// <summary>A normalized sensor reading: whatever format it arrived in, it is judged in this shape.</summary>
[GenerateSerializer, Immutable, Alias("reading")]
public sealed record Reading
{
    /// <summary>The device that measured it (also the device grain's key).</summary>
    [Id(0)] public required string DeviceId { get; init; }

    /// <summary>The product being made when it was measured, if the line reports one.</summary>
    [Id(1)] public string? ProductId { get; init; }

    /// <summary>Event time, UTC.</summary>
    [Id(2)] public required DateTime Timestamp { get; init; }

    /// <summary>At least one finite metric.</summary>
    [Id(3)] public required Metric[] Metrics { get; init; }
}
