namespace Actors.Detection.Parsing;

/// <summary>One line of an NDJSON stream.</summary>
/// <param name="LineNumber">1-based line number in the stream.</param>
/// <param name="Data">
/// The line's bytes without <c>\n</c> or a trailing <c>\r</c>; only the start of the line when it was too long to keep
/// (<see cref="IsTruncated"/>). Usually a view into the reader's reused buffer: valid only until the enumeration moves
/// on; copy it to keep it.
/// </param>
public readonly record struct NdjsonLine(long LineNumber, ReadOnlyMemory<byte> Data)
{
    /// <summary>The whole line's length in bytes; more than <see cref="Data"/> holds when the line was too long to keep.</summary>
    public long Length { get; init; } = Data.Length;

    /// <summary>True when the line was longer than the reader's limit: it was skipped and <see cref="Data"/> holds its start only.</summary>
    public bool IsTruncated => Length > Data.Length;
}
