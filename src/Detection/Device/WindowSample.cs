namespace Actors.Detection.Device;

/// <summary>One value held by an open z-score window.</summary>
/// <param name="Offset">Event time of the reading the value came from, in ticks after the window's start (small, so it stores in few bytes).</param>
/// <param name="Value">The metric's value.</param>
[GenerateSerializer, Immutable, Alias("device-window-sample")]
public readonly record struct WindowSample(
    [property: Id(0)] long Offset,
    [property: Id(1)] double Value);
