using System.Text.Json;

namespace Actors.Admin.Tests;

/// <summary>What one run of the admin client returned and wrote.</summary>
public sealed record AdminRun(string[] Args, int ExitCode, string Output, string Error)
{
    /// <summary>Standard output parsed as JSON.</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Output);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"admin {string.Join(' ', Args)} -> exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
