using System.Text;
using Actors.Detection.Parsing;
using Actors.TestSupport;
using Xunit;

namespace Actors.Detection.Tests.Parsing;

public sealed class NdjsonReaderTests
{
    private const int MaxLine = 4 * 1024 * 1024;

    [Fact]
    public async Task Lines_are_split_on_newline_and_numbered_from_one()
    {
        var lines = await ReadAll("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n"u8.ToArray());

        Assert.Equal([(1L, "{\"a\":1}"), (2L, "{\"b\":2}"), (3L, "{\"c\":3}")], lines);
    }

    [Fact]
    public async Task Crlf_endings_lose_their_carriage_return()
    {
        var lines = await ReadAll("one\r\ntwo\r\n\r\nthree\r"u8.ToArray());

        Assert.Equal([(1L, "one"), (2L, "two"), (3L, ""), (4L, "three")], lines);
    }

    [Fact]
    public async Task Blank_lines_are_yielded_and_counted()
    {
        var lines = await ReadAll("a\n\n  \nb\n"u8.ToArray());

        Assert.Equal([(1L, "a"), (2L, ""), (3L, "  "), (4L, "b")], lines);
    }

    [Fact]
    public async Task Last_line_without_newline_is_yielded()
    {
        var lines = await ReadAll("a\nlast"u8.ToArray());

        Assert.Equal([(1L, "a"), (2L, "last")], lines);
    }

    [Fact]
    public async Task Utf8_bom_at_the_start_is_skipped()
    {
        var lines = await ReadAll([0xEF, 0xBB, 0xBF, .. "{\"a\":1}\n{\"b\":2}"u8]);

        Assert.Equal([(1L, "{\"a\":1}"), (2L, "{\"b\":2}")], lines);
    }

    [Fact]
    public async Task Utf8_bom_is_skipped_even_when_the_stream_hands_out_one_byte_at_a_time()
    {
        var lines = await ReadAll([0xEF, 0xBB, 0xBF, .. "x\ny"u8], maxRead: 1);

        Assert.Equal([(1L, "x"), (2L, "y")], lines);
    }

    [Fact]
    public async Task Bom_bytes_later_in_the_stream_are_kept()
    {
        var lines = await ReadAll([(byte)'a', (byte)'\n', 0xEF, 0xBB, 0xBF, (byte)'b']);

        Assert.Equal(2, lines.Count);
        Assert.Equal("\uFEFFb", lines[1].Text);
    }

    [Fact]
    public async Task Empty_stream_and_lone_newline()
    {
        Assert.Empty(await ReadAll([]));
        Assert.Equal([(1L, "")], await ReadAll("\n"u8.ToArray()));
    }

    [Fact]
    public async Task One_megabyte_line_is_read_whole_between_short_lines()
    {
        var big = "{\"device_id\":\"d\",\"blob\":\"" + new string('x', 1024 * 1024) + "\"}";
        var lines = await ReadAll(Encoding.UTF8.GetBytes("first\r\n" + big + "\r\nlast\n"), maxRead: 8192);

        Assert.Equal(3, lines.Count);
        Assert.Equal((1L, "first"), lines[0]);
        Assert.Equal(2L, lines[1].Number);
        Assert.Equal(big, lines[1].Text);
        Assert.Equal((3L, "last"), lines[2]);
    }

    [Fact]
    public async Task Many_lines_across_buffer_boundaries_keep_their_numbers_and_content()
    {
        var text = new StringBuilder();
        for (var i = 1; i <= 20_000; i++)
        {
            text.Append("{\"n\":").Append(i).Append('}').Append(i % 3 == 0 ? "\r\n" : "\n");
        }

        var lines = await ReadAll(Encoding.UTF8.GetBytes(text.ToString()), maxRead: 1000);

        Assert.Equal(20_000, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal((i + 1L, $"{{\"n\":{i + 1}}}"), lines[i]);
        }
    }

    [Fact]
    public async Task Lines_feed_the_parser_with_their_line_numbers()
    {
        var parser = new ReadingParser(new ReadingParserOptions());
        var input = "{\"device_id\":\"d\",\"timestamp\":\"2026-02-17 12:00:00\",\"t\":1}\n\nnot json\r\n{\"device_id\":\"d\",\"timestamp\":\"2026-02-17 12:00:01\",\"t\":2}"u8.ToArray();
        var outcomes = new List<(long, RejectReason)>();

        await foreach (var line in NdjsonReader.ReadAsync(new MemoryStream(input), MaxLine, CancellationToken.None))
        {
            outcomes.Add((line.LineNumber, parser.Parse(line.Data.Span).Reason));
        }

        Assert.Equal(
            [(1L, RejectReason.None), (2L, RejectReason.MalformedJson), (3L, RejectReason.MalformedJson), (4L, RejectReason.None)],
            outcomes);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(7)]
    [InlineData(1)]
    public async Task Line_over_the_limit_is_skipped_with_its_start_and_length_and_reading_goes_on(int maxRead)
    {
        var longLine = "{\"device_id\":\"" + new string('x', 5000) + "\"}";
        var input = Encoding.UTF8.GetBytes("first\n" + longLine + "\r\nexactly-16-bytes\nlast");
        var lines = new List<NdjsonLine>();
        await using var stream = new ChunkedStream(input, maxRead);

        await foreach (var line in NdjsonReader.ReadAsync(stream, maxLineBytes: 16, CancellationToken.None))
        {
            lines.Add(line with { Data = line.Data.ToArray() });
        }

        Assert.Equal([1L, 2L, 3L, 4L], lines.Select(l => l.LineNumber));
        Assert.Equal("first", Encoding.UTF8.GetString(lines[0].Data.Span));
        Assert.True(lines[1].IsTruncated);
        Assert.Equal(longLine.Length, lines[1].Length);
        Assert.Equal(16, lines[1].Data.Length);
        Assert.StartsWith("{\"device_id\":\"xx", Encoding.UTF8.GetString(lines[1].Data.Span));
        Assert.Equal("exactly-16-bytes", Encoding.UTF8.GetString(lines[2].Data.Span));
        Assert.False(lines[2].IsTruncated);
        Assert.Equal("last", Encoding.UTF8.GetString(lines[3].Data.Span));
    }

    [Fact]
    public async Task Line_over_the_limit_at_the_end_of_the_stream_is_yielded_truncated()
    {
        var lines = new List<(long Number, long Length, bool Truncated)>();

        await foreach (var line in NdjsonReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("a\n" + new string('y', 100))), 10, CancellationToken.None))
        {
            lines.Add((line.LineNumber, line.Length, line.IsTruncated));
        }

        Assert.Equal([(1L, 1L, false), (2L, 100L, true)], lines);
    }

    [Fact]
    public async Task Line_of_more_than_two_gigabytes_is_skipped_without_being_buffered_and_the_rest_is_read()
    {
        // The stream completes every read synchronously, so the whole enumeration runs on this thread and its
        // allocations are this thread's.
        const long LineLength = (2L << 30) + 12_345;
        var stream = new LongLineStream("{\"device_id\":\"d\"}\n"u8.ToArray(), LineLength, "\n{\"device_id\":\"e\"}\nlast\n"u8.ToArray());
        var lines = new List<(long Number, long Length, bool Truncated, string Start)>();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        await foreach (var line in NdjsonReader.ReadAsync(stream, 1024 * 1024, CancellationToken.None))
        {
            lines.Add((line.LineNumber, line.Length, line.IsTruncated, Encoding.UTF8.GetString(line.Data.Span[..Math.Min(4, line.Data.Length)])));
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(
            [(1L, 17L, false, "{\"de"), (2L, LineLength, true, "xxxx"), (3L, 17L, false, "{\"de"), (4L, 4L, false, "last")],
            lines);
        Assert.True(allocated < 256L * 1024 * 1024, $"allocated {allocated} bytes while skipping a {LineLength}-byte line");
    }

    [Fact]
    public async Task Cancellation_stops_the_enumeration()
    {
        using var cts = new CancellationTokenSource();
        var count = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var line in NdjsonReader.ReadAsync(new MemoryStream("a\nb\nc\n"u8.ToArray()), MaxLine, cts.Token))
            {
                count++;
                await cts.CancelAsync();
            }
        });
        Assert.Equal(1, count);
    }

    private static async Task<List<(long Number, string Text)>> ReadAll(byte[] data, int maxRead = int.MaxValue)
    {
        var lines = new List<(long, string)>();
        await using var stream = new ChunkedStream(data, maxRead);
        await foreach (var line in NdjsonReader.ReadAsync(stream, MaxLine, CancellationToken.None))
        {
            lines.Add((line.LineNumber, Encoding.UTF8.GetString(line.Data.Span)));
        }
        return lines;
    }
}
