namespace Actors.Admin.Output;

/// <summary>A value of a series at an event time (UTC).</summary>
public sealed record PointReport
{
    public required DateTime Time { get; init; }
    public required double Value { get; init; }
}
