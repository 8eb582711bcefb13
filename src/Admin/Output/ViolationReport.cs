namespace Actors.Admin.Output;

/// <summary>A point of a control chart that broke a rule, with the label drawn at it.</summary>
public sealed record ViolationReport
{
    public required DateTime Time { get; init; }
    public required double Value { get; init; }
    public required string Label { get; init; }
    public required string Description { get; init; }
}
