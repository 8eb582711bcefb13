using System.Text.Json;
using Actors.Admin.Output;
using Actors.Grains.Interfaces;

namespace Actors.Admin.Rules;

/// <summary>
/// A rules file for <c>rules set --file</c>: the JSON <c>rules show --json</c> writes (its <c>version</c> is ignored).
/// Members left out take their defaults; unknown members are errors.
/// </summary>
public static class RulesFile
{
    /// <summary>Reads the rules of <paramref name="path"/>; a missing or malformed file is bad input.</summary>
    public static async Task<DetectionRules> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw AdminCommandException.BadInput($"file not found: {path}");
        }
        await using var stream = File.OpenRead(path);
        try
        {
            var report = await JsonSerializer.DeserializeAsync(stream, AdminJsonContext.StrictInput.RulesReport, cancellationToken)
                ?? throw AdminCommandException.BadInput($"{path}: the file holds null, not a rules object");
            return report.ToRules();
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1})" : "";
            throw AdminCommandException.BadInput($"{path}{where} is not a rules file: {ex.Message}", ex);
        }
    }
}
