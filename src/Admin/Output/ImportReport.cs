namespace Actors.Admin.Output;

/// <summary><c>product limits import</c>: what was read, what was imported into which products, and which lines were rejected.</summary>
public sealed record ImportReport
{
    public required string File { get; init; }

    /// <summary>Whether the valid lines were stored (false when rejected lines stopped the import).</summary>
    public required bool Applied { get; init; }

    /// <summary>Limits stored (0 unless <see cref="Applied"/>).</summary>
    public required int Imported { get; init; }
    public required int Rejected { get; init; }
    public required string[] Products { get; init; }
    public required RejectedLineReport[] RejectedLines { get; init; }
}
