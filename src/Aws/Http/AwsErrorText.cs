using System.Net;

namespace Actors.Aws;

/// <summary>Small helpers shared by the protocol error readers.</summary>
internal static class AwsErrorText
{
    private const int ExcerptLength = 200;

    /// <summary>
    /// Strips the namespace (<c>com.amazonaws.kinesis#</c>) and URL suffix (<c>:http://internal...</c>) AWS may wrap
    /// around a code; with no code at all, returns <c>Http&lt;status&gt;</c>.
    /// </summary>
    public static string NormalizeCode(string? code, HttpStatusCode status)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return $"Http{(int)status}";
        }
        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }
        code = code.Trim();
        return code.Length == 0 ? $"Http{(int)status}" : code;
    }

    /// <summary>The start of a body that is not in the protocol's shape, on one line, for an error message.</summary>
    public static string Excerpt(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= ExcerptLength ? oneLine : oneLine[..ExcerptLength] + "...";
    }
}
