using System.Text.Json;

namespace Actors.Cluster.Tests.Crash;

/// <summary>What a plain <c>replay</c> of a data set (the ingestor process, embedded silo, no crash) alerts.</summary>
public static class PlainReplay
{
    /// <summary>Runs <c>replay --input</c> on <paramref name="ndjsonPath"/> with <paramref name="rules"/> (configuration keys) and returns the alert ID of every anomaly it wrote.</summary>
    public static async Task<IReadOnlyList<string>> AlertIdsAsync(string ndjsonPath, IReadOnlyDictionary<string, string?> rules, TimeSpan timeout)
    {
        var alertsPath = Path.ChangeExtension(ndjsonPath, ".alerts.ndjson");
        await using var replay = IngestorProcess.Start("replay", rules, "replay", "--input", ndjsonPath, "--alerts", alertsPath);
        var exitCode = await replay.WaitForExitAsync(timeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"replay exited with {exitCode}:\n{replay.RecentOutput}");
        }
        var alertIds = (await File.ReadAllLinesAsync(alertsPath))
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("AlertId").GetString()!)
            .ToList();
        File.Delete(alertsPath);
        return alertIds;
    }
}
