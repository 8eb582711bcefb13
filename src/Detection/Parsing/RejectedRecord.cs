namespace Actors.Detection.Parsing;

/// <summary>A record that was not accepted, with enough context to find and fix it.</summary>
/// <param name="Source">Where it came from, e.g. <c>input.ndjson:42</c> or <c>shard-0001/49550...</c>.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="Detail">Short explanation (which field, which value), if any.</param>
/// <param name="Excerpt">
/// The start of the raw record, at most <see cref="MaxExcerptLength"/> characters, non-printable bytes as <c>\xNN</c>.
/// </param>
public sealed record RejectedRecord(string Source, RejectReason Reason, string? Detail, string Excerpt)
{
    /// <summary>Longest <see cref="Excerpt"/>, ellipsis included.</summary>
    public const int MaxExcerptLength = 200;

    /// <summary>Builds the record for a rejected outcome.</summary>
    /// <exception cref="ArgumentException">The outcome was accepted.</exception>
    public static RejectedRecord Create(string source, ParseOutcome outcome, ReadOnlySpan<byte> raw)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (outcome.IsAccepted)
        {
            throw new ArgumentException("Only rejected outcomes make a rejected record.", nameof(outcome));
        }
        return new RejectedRecord(source, outcome.Reason, outcome.Detail, ExcerptOf(raw));
    }

    /// <summary>A log-safe excerpt of raw bytes: printable UTF-8 kept, other bytes as <c>\xNN</c>, cut with <c>...</c>.</summary>
    public static string ExcerptOf(ReadOnlySpan<byte> raw) => TextExcerpt.Create(raw, MaxExcerptLength);
}
