using Actors.Grains.Interfaces;

namespace Actors.Admin.Output;

/// <summary>One silence: what it matches (null: anything), when it is in force, who added it, when and why.</summary>
public sealed record SilenceReport
{
    public required long Id { get; init; }
    public string? Device { get; init; }
    public string? Product { get; init; }
    public string? Metric { get; init; }
    public string? Rule { get; init; }
    public required DateTime StartsAt { get; init; }
    public required DateTime EndsAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTime CreatedAt { get; init; }
    public string? Note { get; init; }

    /// <summary>The report of <paramref name="silence"/>.</summary>
    public static SilenceReport From(Silence silence) => new()
    {
        Id = silence.Id,
        Device = silence.Device,
        Product = silence.Product,
        Metric = silence.Metric,
        Rule = silence.Rule,
        StartsAt = silence.StartsAt,
        EndsAt = silence.EndsAt,
        CreatedBy = silence.CreatedBy,
        CreatedAt = silence.CreatedAt,
        Note = silence.Note,
    };
}
