using System.Text;
using Actors.Detection.Parsing;
using Xunit;

namespace Actors.Detection.Tests.Parsing;

public sealed class RejectedRecordTests
{
    [Fact]
    public void Short_printable_text_is_kept_as_is()
    {
        Assert.Equal("{\"a\": \"température 温度\"}", RejectedRecord.ExcerptOf("{\"a\": \"température 温度\"}"u8));
    }

    [Fact]
    public void Control_and_invalid_bytes_are_escaped()
    {
        byte[] raw = [(byte)'{', 0x00, 0x1B, (byte)'\n', 0xFF, 0xC3, (byte)'}', 0x7F];

        Assert.Equal("{\\x00\\x1B\\x0A\\xFF\\xC3}\\x7F", RejectedRecord.ExcerptOf(raw));
    }

    [Fact]
    public void Bidi_override_is_escaped()
    {
        Assert.Equal("a\\xE2\\x80\\xAEb", RejectedRecord.ExcerptOf("a\u202Eb"u8));
    }

    [Fact]
    public void Long_text_is_cut_to_the_maximum_with_an_ellipsis()
    {
        var excerpt = RejectedRecord.ExcerptOf(Encoding.UTF8.GetBytes(new string('x', 1000)));

        Assert.Equal(RejectedRecord.MaxExcerptLength, excerpt.Length);
        Assert.Equal(new string('x', RejectedRecord.MaxExcerptLength - 3) + "...", excerpt);
    }

    [Fact]
    public void Text_of_exactly_the_maximum_is_not_cut()
    {
        var text = new string('y', RejectedRecord.MaxExcerptLength);

        Assert.Equal(text, RejectedRecord.ExcerptOf(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Escapes_are_never_split_and_binary_stays_within_the_maximum()
    {
        var excerpt = RejectedRecord.ExcerptOf(new byte[1000]);

        Assert.True(excerpt.Length <= RejectedRecord.MaxExcerptLength);
        Assert.EndsWith("\\x00...", excerpt);
    }

    [Fact]
    public void Create_copies_reason_and_detail()
    {
        var raw = "[]"u8;
        var outcome = new ReadingParser(new ReadingParserOptions()).Parse(raw);

        var rejected = RejectedRecord.Create("shard-0001/49550", outcome, raw);

        Assert.Equal(new RejectedRecord("shard-0001/49550", RejectReason.NotAnObject, "top-level value is an array", "[]"), rejected);
    }
}
