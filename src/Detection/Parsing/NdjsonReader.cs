using System.Buffers;
using System.Runtime.CompilerServices;

namespace Actors.Detection.Parsing;

/// <summary>Splits a UTF-8 stream of newline-delimited JSON into lines, reusing one pooled buffer.</summary>
public static class NdjsonReader
{
    /// <summary>Initial buffer size; it doubles whenever one line does not fit.</summary>
    public const int InitialBufferSize = 64 * 1024;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Yields every line of <paramref name="stream"/>, blank ones included (so they can be rejected and counted), split
    /// on <c>\n</c> with a trailing <c>\r</c> removed. A UTF-8 BOM at the start is skipped; a last line without a
    /// newline is yielded; a final newline does not start an extra empty line.
    /// </summary>
    /// <remarks>
    /// <see cref="NdjsonLine.Data"/> points into a buffer that is reused: it is valid until the next iteration only.
    /// The stream is not disposed.
    /// </remarks>
    public static async IAsyncEnumerable<NdjsonLine> ReadAsync(
        Stream stream,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
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
                        yield return new NdjsonLine(++lineNumber, Line(buffer, start, lineEnd));
                        start = lineEnd + 1;
                        scanned = start;
                        continue;
                    }
                    scanned = end;
                    if (endOfStream)
                    {
                        if (start < end)
                        {
                            yield return new NdjsonLine(++lineNumber, Line(buffer, start, end));
                        }
                        yield break;
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
                var read = await stream.ReadAsync(buffer.AsMemory(end), ct).ConfigureAwait(false);
                endOfStream = read == 0;
                end += read;

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

    private static ReadOnlyMemory<byte> Line(byte[] buffer, int start, int end)
    {
        if (end > start && buffer[end - 1] == '\r')
        {
            end--;
        }
        return new ReadOnlyMemory<byte>(buffer, start, end - start);
    }

    private static byte[] Grow(byte[] buffer, int used)
    {
        if (buffer.Length >= Array.MaxLength)
        {
            throw new InvalidDataException($"An NDJSON line is longer than {Array.MaxLength} bytes.");
        }
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
