using System.Text;

namespace Actors.Deployment.Tests.Yaml;

/// <summary>
/// A reader for the block-style subset of YAML that docker-compose.yml uses: nested mappings and sequences by
/// indentation, <c>- key: value</c> items, plain, single- and double-quoted scalars, flow sequences of scalars
/// (<c>["CMD", "x"]</c>) and comments. Mappings become <see cref="Dictionary{TKey,TValue}"/> of string to node,
/// sequences <see cref="List{T}"/> of nodes, scalars strings, empty values null.
/// Everything outside the subset (anchors, aliases, tags, block scalars, flow mappings, several documents, tabs) is
/// refused with a <see cref="FormatException"/> naming the line, so the file cannot silently mean something else.
/// </summary>
public static class MiniYaml
{
    public static object? Parse(string text)
    {
        var lines = Tokenize(text);
        if (lines.Count == 0)
        {
            return null;
        }
        var index = 0;
        var root = ParseBlock(lines, ref index, lines[0].Indent);
        if (index < lines.Count)
        {
            throw Error(lines[index], "unexpected indentation");
        }
        return root;
    }

    private static object ParseBlock(List<YamlLine> lines, ref int index, int indent) =>
        IsSequenceItem(lines[index].Text) ? ParseSequence(lines, ref index, indent) : ParseMapping(lines, ref index, indent);

    private static Dictionary<string, object?> ParseMapping(List<YamlLine> lines, ref int index, int indent)
    {
        var mapping = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (index < lines.Count && lines[index].Indent == indent && !IsSequenceItem(lines[index].Text))
        {
            var line = lines[index];
            var colon = FindMappingColon(line.Text) ?? throw Error(line, "expected 'key: value'");
            var key = Unquote(line.Text[..colon].Trim(), line);
            if (key == "<<")
            {
                throw Error(line, "merge keys are outside the supported subset");
            }
            RejectUnsupported(key, line);
            var rest = line.Text[(colon + 1)..].Trim();
            if (!mapping.TryAdd(key, null))
            {
                throw Error(line, $"duplicate key '{key}'");
            }
            index++;
            if (rest.Length > 0)
            {
                mapping[key] = ParseInline(rest, line);
            }
            else if (index < lines.Count && lines[index].Indent > indent)
            {
                mapping[key] = ParseBlock(lines, ref index, lines[index].Indent);
            }
            else if (index < lines.Count && lines[index].Indent == indent && IsSequenceItem(lines[index].Text))
            {
                mapping[key] = ParseSequence(lines, ref index, indent);
            }
        }
        if (index < lines.Count && lines[index].Indent > indent)
        {
            throw Error(lines[index], "unexpected indentation");
        }
        return mapping;
    }

    private static List<object?> ParseSequence(List<YamlLine> lines, ref int index, int indent)
    {
        var sequence = new List<object?>();
        while (index < lines.Count && lines[index].Indent == indent && IsSequenceItem(lines[index].Text))
        {
            var line = lines[index];
            var content = line.Text[1..].TrimStart();
            RejectUnsupported(content, line);
            if (content.Length == 0)
            {
                index++;
                sequence.Add(index < lines.Count && lines[index].Indent > indent ? ParseBlock(lines, ref index, lines[index].Indent) : null);
            }
            else if (FindMappingColon(content) is not null && !content.StartsWith('[') && !IsQuotedScalar(content))
            {
                var itemIndent = indent + (line.Text.Length - content.Length);
                lines[index] = new YamlLine(line.Number, itemIndent, content);
                sequence.Add(ParseMapping(lines, ref index, itemIndent));
            }
            else
            {
                sequence.Add(ParseInline(content, line));
                index++;
            }
        }
        return sequence;
    }

    private static object? ParseInline(string text, YamlLine line)
    {
        RejectUnsupported(text, line);
        if (text.StartsWith('['))
        {
            if (!text.EndsWith(']'))
            {
                throw Error(line, "a flow sequence must end on its line");
            }
            var inner = text[1..^1].Trim();
            return inner.Length == 0 ? new List<object?>() : SplitFlow(inner, line).Select(item => (object?)Unquote(item, line)).ToList();
        }
        return Unquote(text, line);
    }

    private static List<string> SplitFlow(string inner, YamlLine line)
    {
        var items = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        foreach (var c in inner)
        {
            if (quote is null && c == ',')
            {
                items.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }
            if (quote is null && (c == '"' || c == '\''))
            {
                quote = c;
            }
            else if (quote == c)
            {
                quote = null;
            }
            else if (quote is null && (c == '[' || c == '{'))
            {
                throw Error(line, "nested flow collections are outside the supported subset");
            }
            current.Append(c);
        }
        if (quote is not null)
        {
            throw Error(line, "unterminated quoted scalar");
        }
        items.Add(current.ToString().Trim());
        return items;
    }

    private static string Unquote(string text, YamlLine line)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            return UnescapeDouble(text[1..^1], line);
        }
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'')
        {
            return text[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }
        if (text.Length > 0 && (text[0] == '"' || text[0] == '\''))
        {
            throw Error(line, "unterminated quoted scalar");
        }
        return text;
    }

    private static string UnescapeDouble(string body, YamlLine line)
    {
        var result = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\')
            {
                result.Append(body[i]);
                continue;
            }
            if (++i == body.Length)
            {
                throw Error(line, "dangling escape");
            }
            result.Append(body[i] switch
            {
                'n' => '\n',
                't' => '\t',
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                _ => throw Error(line, $"escape '\\{body[i]}' is outside the supported subset"),
            });
        }
        return result.ToString();
    }

    private static void RejectUnsupported(string text, YamlLine line)
    {
        var what = text.Length == 0 ? null : text[0] switch
        {
            '&' => "anchors",
            '*' => "aliases",
            '!' => "tags",
            '|' or '>' => "block scalars",
            '{' => "flow mappings",
            '?' => "complex keys",
            _ => null,
        };
        if (what is not null)
        {
            throw Error(line, $"{what} are outside the supported subset");
        }
    }

    private static bool IsSequenceItem(string text) => text == "-" || text.StartsWith("- ", StringComparison.Ordinal);

    private static bool IsQuotedScalar(string text) =>
        text.Length >= 2 && ((text[0] == '"' && text[^1] == '"') || (text[0] == '\'' && text[^1] == '\''));

    /// <summary>The index of the colon that separates key and value (followed by a space or the end), outside quotes.</summary>
    private static int? FindMappingColon(string text)
    {
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is null && (c == '"' || c == '\'') && i == 0)
            {
                quote = c;
            }
            else if (quote == c)
            {
                quote = null;
            }
            else if (quote is null && c == '[')
            {
                return null;
            }
            else if (quote is null && c == ':' && (i == text.Length - 1 || text[i + 1] == ' '))
            {
                return i;
            }
        }
        return null;
    }

    private static List<YamlLine> Tokenize(string text)
    {
        var result = new List<YamlLine>();
        var number = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            number++;
            var content = StripComment(raw).TrimEnd();
            var trimmed = content.TrimStart(' ');
            if (trimmed.Length == 0)
            {
                continue;
            }
            var line = new YamlLine(number, content.Length - trimmed.Length, trimmed);
            if (trimmed.StartsWith('\t'))
            {
                throw Error(line, "tabs are not allowed in indentation");
            }
            if (trimmed is "---" or "...")
            {
                throw Error(line, "several documents are outside the supported subset");
            }
            result.Add(line);
        }
        return result;
    }

    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is null && (c == '"' || c == '\'') && StartsScalar(line, i))
            {
                quote = c;
            }
            else if (quote == c)
            {
                quote = null;
            }
            else if (quote is null && c == '#' && (i == 0 || line[i - 1] == ' '))
            {
                return line[..i];
            }
        }
        return line;
    }

    private static bool StartsScalar(string line, int position)
    {
        var before = line[..position].TrimEnd(' ');
        return before.Length == 0 || before[^1] is ':' or '-' or '[' or ',';
    }

    private static FormatException Error(YamlLine line, string message) =>
        new($"docker-compose YAML line {line.Number}: {message}: '{line.Text}'");
}
