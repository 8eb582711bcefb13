namespace Actors.Detection.Device;

/// <summary>One value held by an open z-score window.</summary>
/// <param name="Time">Event time (UTC) of the reading the value came from.</param>
/// <param name="Value">The metric's value.</param>
/// <param name="ProductId">The product of the reading, if it reported one.</param>
[GenerateSerializer, Immutable, Alias("device-window-sample")]
public readonly record struct WindowSample(
    [property: Id(0)] DateTime Time,
    [property: Id(1)] double Value,
    [property: Id(2)] string? ProductId);
