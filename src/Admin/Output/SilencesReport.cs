namespace Actors.Admin.Output;

/// <summary><c>silences list</c>: the silences that have not ended.</summary>
public sealed record SilencesReport
{
    public required int Count { get; init; }
    public required SilenceReport[] Silences { get; init; }
}
