namespace Actors.Detection.Parsing;

/// <summary>One line of an NDJSON stream.</summary>
/// <param name="LineNumber">1-based line number in the stream.</param>
/// <param name="Data">
/// The line's bytes without <c>\n</c> or a trailing <c>\r</c>. Usually a view into the reader's reused buffer: valid only
/// until the enumeration moves on; copy it to keep it.
/// </param>
public readonly record struct NdjsonLine(long LineNumber, ReadOnlyMemory<byte> Data);
