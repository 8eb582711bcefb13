using System.Text;
using System.Text.Json;
using Actors.Detection.Parsing;
using Actors.Detection.Records;
using Actors.Grains.Interfaces;
using Actors.Ingestor.DeadLetters;
using Actors.Ingestor.Pipeline;
using Actors.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Actors.Grains.Tests.Replay;

/// <summary>
/// Issue 12, per-record isolation: one record that makes its device grain throw (<see cref="PoisonReadingFilter"/>) is
/// rejected as <see cref="RejectReason.GrainRejected"/> with the grain's error, dead-lettered with its file and line, and
/// every other reading of the file, the same device's included, is judged: the alerts are those of the file without it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainRejectionReplayTests(ClusterFixture fixture) : IDisposable
{
    private readonly string _deadLetters = Path.Combine(Path.GetTempPath(), $"grain-rejected-{Guid.NewGuid():N}.ndjson");

    public void Dispose() => File.Delete(_deadLetters);

    /// <summary>With batches of 500 and with the default batch, which holds the whole file (one call per device).</summary>
    [Theory]
    [InlineData(500)]
    [InlineData(64_000)]
    public async Task A_record_a_grain_cannot_process_is_rejected_and_dead_lettered_with_its_line_and_the_rest_is_judged(int batchSize)
    {
        var prefix = $"grain-rejected-{batchSize}-";
        var lines = ProductionLinesFile.Lines(prefix);
        var middle = lines.Count / 2;
        var device = $"{prefix}M-001";
        var at = DateTime.Parse(JsonDocument.Parse(lines[middle - 1]).RootElement.GetProperty("timestamp").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal).AddMilliseconds(1);
        var poison = $$"""{"timestamp": "{{at:yyyy-MM-dd HH:mm:ss.fff}}", "machine_id": "{{device}}", "product_id": "{{prefix}}B205", "thickness": 49.9, "{{PoisonReadingFilter.Metric}}": 1}""";
        var input = lines.Take(middle).Append(poison).Concat(lines.Skip(middle)).ToList();
        var rejections = new RejectionLog(NullLogger<RejectionLog>.Instance);
        await fixture.Grains.GetGrain<IRulesGrain>(RulesGrainKey.Default).Set(ProductionLinesFile.Rules);
        await using var deadLetters = new DeadLetterFile(_deadLetters);
        var runner = new ReplayRunner(fixture.Grains, new ReadingParser(new ReadingParserOptions()), rejections, batchSize, new CheckpointOptions())
        {
            DeadLetters = deadLetters,
        };
        var output = new StringWriter();

        var summary = await runner.RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', input) + "\n")), "poisoned.ndjson", output, CancellationToken.None);

        Assert.Equal(1, rejections.Counts[RejectReason.GrainRejected]);
        Assert.Equal(input.Count, summary.Records);
        Assert.Equal(summary.Records, summary.Accepted + summary.Rejected + summary.Duplicates + summary.Outliers);
        var letter = JsonDocument.Parse(Assert.Single(File.ReadAllLines(_deadLetters))).RootElement;
        Assert.Equal("GrainRejected", letter.GetProperty("reason").GetString());
        Assert.Equal("poisoned.ndjson", letter.GetProperty("file").GetString());
        Assert.Equal(middle + 1, letter.GetProperty("line").GetInt64());
        Assert.Contains($"device {device}: ArgumentOutOfRangeException", letter.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var found = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize(line, AlertJsonContext.Records.Anomaly)!)
            .ToList();
        var expected = ProductionLinesFile.Expected(lines);
        Assert.Contains(expected, a => a.DeviceId == device);
        ExpectedAlert.AssertSameSet(expected, [.. found.Select(ExpectedAlert.Of)]);
    }
}
