using System.Buffers;
using System.Globalization;
using System.Text;

namespace Actors.Detection.Parsing;

/// <summary>Turns raw bytes into a short, log-safe text: printable UTF-8 is kept, every other byte becomes <c>\xNN</c>.</summary>
internal static class TextExcerpt
{
    private const string Ellipsis = "...";

    public static string Create(ReadOnlySpan<byte> raw, int maxChars)
    {
        var text = new StringBuilder(Math.Min(raw.Length, maxChars));
        Span<char> piece = stackalloc char[4];
        var index = 0;
        var cut = 0;
        while (index < raw.Length)
        {
            var status = Rune.DecodeFromUtf8(raw[index..], out var rune, out var consumed);
            int length;
            if (status == OperationStatus.Done && IsPrintable(rune))
            {
                length = rune.EncodeToUtf16(piece);
            }
            else
            {
                consumed = 1;
                piece[0] = '\\';
                piece[1] = 'x';
                raw[index].TryFormat(piece[2..], out _, "X2", CultureInfo.InvariantCulture);
                length = 4;
            }
            if (text.Length + length > maxChars)
            {
                text.Length = cut;
                text.Append(Ellipsis);
                break;
            }
            text.Append(piece[..length]);
            index += consumed;
            if (text.Length <= maxChars - Ellipsis.Length)
            {
                cut = text.Length;
            }
        }
        return text.ToString();
    }

    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned => false,
        _ => true,
    };
}
