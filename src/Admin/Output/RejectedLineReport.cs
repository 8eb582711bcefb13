namespace Actors.Admin.Output;

/// <summary>A line of an input file that was not accepted: its 1-based number and why.</summary>
public sealed record RejectedLineReport
{
    public required int Line { get; init; }
    public required string Reason { get; init; }
}
