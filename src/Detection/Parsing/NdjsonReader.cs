using System.Buffers;
using System.Runtime.CompilerServices;

namespace Actors.Detection.Parsing;

/// <summary>Splits a UTF-8 stream of newline-delimited JSON into lines, reusing one pooled buffer.</summary>
public static class NdjsonReader
{
    /// <summary>Initial buffer size; it doubles whenever one line does not fit, up to the line limit.</summary>
    public const int InitialBufferSize = 64 * 1024;

    /// <summary>Most bytes kept of a line that is too long, for the rejection's excerpt.</summary>
    public const int TruncatedLineKeptBytes = 256;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Yields every line of <paramref name="stream"/>, blank ones included (so they can be rejected and counted), split
    /// on <c>\n</c> with a trailing <c>\r</c> removed. A UTF-8 BOM at the start is skipped; a last line without a
    /// newline is yielded; a final newline does not start an extra empty line.
    /// </summary>
    /// <param name="stream">The NDJSON input; not disposed.</param>
    /// <param name="maxLineBytes">
    /// Longest line held in memory. A longer line is read past without being buffered (whatever its length) and yielded
    /// with only its first bytes (at most <see cref="TruncatedLineKeptBytes"/> and <paramref name="maxLineBytes"/>) and its full <see cref="NdjsonLine.Length"/>
    /// (<see cref="NdjsonLine.IsTruncated"/>), so it can be rejected with a reason while the rest of the stream is read.
    /// </param>
    /// <param name="ct">Stops the reading.</param>
    /// <remarks><see cref="NdjsonLine.Data"/> points into a buffer that is reused: it is valid until the next iteration only.</remarks>
    public static async IAsyncEnumerable<NdjsonLine> ReadAsync(
        Stream stream,
        int maxLineBytes,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLineBytes, Array.MaxLength / 2);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        try
        {
            var start = 0;
            var end = 0;
            var scanned = 0;
            var lineNumber = 0L;
            var endOfStream = false;
            var bomChecked = false;
            while (true)
            {
                if (bomChecked)
                {
                    var newline = buffer.AsSpan(scanned, end - scanned).IndexOf((byte)'\n');
                    if (newline >= 0)
                    {
                        var lineEnd = scanned + newline;
                        ct.ThrowIfCancellationRequested();
                        yield return Line(++lineNumber, buffer, start, lineEnd, maxLineBytes);
                        start = lineEnd + 1;
                        scanned = start;
                        continue;
                    }
                    scanned = end;
                    if (endOfStream)
                    {
                        if (start < end)
                        {
                            yield return Line(++lineNumber, buffer, start, end, maxLineBytes);
                        }
                        yield break;
                    }
                    if (end - start > maxLineBytes + 1)
                    {
                        var kept = Kept(buffer, start, end, maxLineBytes);
                        var length = (long)(end - start);
                        var lastByte = buffer[end - 1];
                        (start, end) = (0, 0);
                        while (true)
                        {
                            var read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false);
                            if (read == 0)
                            {
                                endOfStream = true;
                                break;
                            }
                            var lineBreak = buffer.AsSpan(0, read).IndexOf((byte)'\n');
                            if (lineBreak >= 0)
                            {
                                length += lineBreak;
                                lastByte = lineBreak > 0 ? buffer[lineBreak - 1] : lastByte;
                                (start, end) = (lineBreak + 1, read);
                                break;
                            }
                            length += read;
                            lastByte = buffer[read - 1];
                        }
                        scanned = start;
                        yield return new NdjsonLine(++lineNumber, kept) { Length = lastByte == '\r' ? length - 1 : length };
                        continue;
                    }
                }

                if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    end -= start;
                    scanned -= start;
                    start = 0;
                }
                if (end == buffer.Length)
                {
                    buffer = Grow(buffer, end);
                }
                var count = await stream.ReadAsync(buffer.AsMemory(end), ct).ConfigureAwait(false);
                endOfStream = count == 0;
                end += count;

                if (!bomChecked && (end >= Utf8Bom.Length || endOfStream))
                {
                    bomChecked = true;
                    if (buffer.AsSpan(0, end).StartsWith(Utf8Bom))
                    {
                        start = Utf8Bom.Length;
                        scanned = start;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static NdjsonLine Line(long lineNumber, byte[] buffer, int start, int end, int maxLineBytes)
    {
        if (end > start && buffer[end - 1] == '\r')
        {
            end--;
        }
        return end - start > maxLineBytes
            ? new NdjsonLine(lineNumber, Kept(buffer, start, end, maxLineBytes)) { Length = end - start }
            : new NdjsonLine(lineNumber, new ReadOnlyMemory<byte>(buffer, start, end - start));
    }

    private static byte[] Kept(byte[] buffer, int start, int end, int maxLineBytes) =>
        buffer.AsSpan(start, Math.Min(Math.Min(TruncatedLineKeptBytes, maxLineBytes), end - start)).ToArray();

    private static byte[] Grow(byte[] buffer, int used)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
