using System.Text.Json;
using System.Text.RegularExpressions;

namespace Actors.Deployment.Tests.Docker;

/// <summary>A Dockerfile split into instructions and stages, with readers for the instructions the checks look at.</summary>
public sealed partial class DockerfileModel
{
    private DockerfileModel(string path, IReadOnlyList<DockerInstruction> instructions)
    {
        Path = path;
        Instructions = instructions;
    }

    public string Path { get; }

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    /// <summary>The <c>FROM</c> of each stage: image and optional name.</summary>
    public IReadOnlyList<(string Image, string? Name)> Stages =>
        Instructions.Where(i => i.Keyword == "FROM").Select(i =>
        {
            var words = i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (words[0], words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null);
        }).ToList();

    public int FinalStage => Stages.Count - 1;

    public static DockerfileModel Load(string path)
    {
        var instructions = new List<DockerInstruction>();
        var stage = -1;
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }
            var start = i + 1;
            while (text.EndsWith('\\') && i + 1 < lines.Length)
            {
                text = text[..^1].TrimEnd() + " " + lines[++i].Trim();
            }
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var keyword = (space < 0 ? text : text[..space]).ToUpperInvariant();
            if (keyword == "FROM")
            {
                stage++;
            }
            instructions.Add(new DockerInstruction(start, stage, keyword, space < 0 ? "" : text[(space + 1)..].Trim()));
        }
        return new DockerfileModel(path, instructions);
    }

    public IEnumerable<DockerInstruction> In(int stage, string keyword) => Instructions.Where(i => i.Stage == stage && i.Keyword == keyword);

    /// <summary>The sources of a <c>COPY</c> without <c>--from</c> (files of the build context), flags removed.</summary>
    public static IReadOnlyList<string> CopySources(DockerInstruction copy)
    {
        var words = Words(copy.Arguments).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
        return words.Take(words.Count - 1).ToList();
    }

    public static bool CopiesFromStage(DockerInstruction copy) => copy.Arguments.Contains("--from=", StringComparison.Ordinal);

    /// <summary>The variables an <c>ENV</c> sets (<c>K=V K2=V2</c> or the old <c>K V</c> form).</summary>
    public static IReadOnlyDictionary<string, string> EnvVariables(DockerInstruction env)
    {
        var parts = env.Arguments.Split(' ', 2);
        if (!parts[0].Contains('=', StringComparison.Ordinal))
        {
            return new Dictionary<string, string> { [parts[0]] = parts.Length > 1 ? parts[1] : "" };
        }
        return EnvAssignment().Matches(env.Arguments).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim('"'));
    }

    /// <summary>The exec-form words of <c>ENTRYPOINT</c>, <c>CMD</c> or <c>HEALTHCHECK ... CMD</c>.</summary>
    public static IReadOnlyList<string> ExecForm(DockerInstruction instruction)
    {
        var json = instruction.Arguments[instruction.Arguments.IndexOf('[', StringComparison.Ordinal)..];
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }

    /// <summary>The ports of an <c>EXPOSE</c>.</summary>
    public static IReadOnlyList<int> ExposedPorts(DockerInstruction expose) =>
        expose.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static IEnumerable<string> Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex("""([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)""")]
    private static partial Regex EnvAssignment();
}
