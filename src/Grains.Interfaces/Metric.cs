namespace Actors.Grains.Interfaces;

/// <summary>One named numeric value of a reading, e.g. <c>temperature = 22.5</c>. Always finite.</summary>
[GenerateSerializer, Immutable, Alias("metric")]
public readonly record struct Metric([property: Id(0)] string Name, [property: Id(1)] double Value);
