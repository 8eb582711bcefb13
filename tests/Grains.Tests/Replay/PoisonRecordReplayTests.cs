using System.Text;
using System.Text.Json;
using Actors.Detection.Records;
using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Actors.Ingestor.Pipeline;
using Actors.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Actors.Grains.Tests.Replay;

/// <summary>
/// Issue 12, items 1, 2 and 6 as replays: a single poison record in a multi-day file changes no alert of anyone, and an
/// oversized line is skipped with a reason while the rest of the file is read. Expected alerts come from the
/// independent implementation of the rules on the file without the poison record.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PoisonRecordReplayTests(ClusterFixture fixture)
{

    [Theory]
    [InlineData("far-future", "9999-12-31 23:59:59")]
    [InlineData("months-ahead", "2026-09-01 00:00:00")]
    public async Task One_future_dated_record_of_a_device_changes_none_of_its_alerts(string run, string timestamp)
    {
        var prefix = $"dev-{run}-";
        var clean = Generate(prefix);
        var poison = $$"""{"timestamp": "{{timestamp}}", "machine_id": "{{prefix}}M-001", "product_id": "{{prefix}}B205", "thickness": 49.9, "line_speed": 50.1}""";

        var (found, summary) = await ReplayAsync(InsertAtMiddle(clean, poison));

        var expected = Expected(clean);
        Assert.Contains(expected, a => a.DeviceId == $"{prefix}M-001" && a.Type == AnomalyType.Confirmed);
        ExpectedAlert.AssertSameSet(expected, [.. found.Select(ExpectedAlert.Of)]);
        Assert.Equal(summary.Records, summary.Accepted + summary.Rejected + summary.Duplicates + summary.Outliers);
    }

    [Theory]
    [InlineData("far-future", "9999-12-31 23:59:59")]
    [InlineData("months-ahead", "2026-09-01 00:00:00")]
    public async Task One_future_dated_record_of_an_unknown_device_does_not_wipe_the_product(string run, string timestamp)
    {
        var prefix = $"prod-{run}-";
        var clean = Generate(prefix);
        var poison = $$"""{"timestamp": "{{timestamp}}", "machine_id": "{{prefix}}X-999", "product_id": "{{prefix}}B205", "thickness": 49.9, "line_speed": 50.1}""";

        var (found, _) = await ReplayAsync(InsertAtMiddle(clean, poison));

        var expected = Expected(clean);
        Assert.Contains(expected, a => a.Type == AnomalyType.Provisional);
        Assert.Contains(expected, a => a.Type == AnomalyType.Confirmed);
        ExpectedAlert.AssertSameSet(expected, [.. found.Select(ExpectedAlert.Of)]);
    }

    [Fact]
    public async Task Line_of_more_than_two_gigabytes_is_skipped_with_a_reason_and_the_rest_of_the_file_is_replayed()
    {
        var prefix = "huge-line-";
        var clean = Generate(prefix);
        var middle = Array.LastIndexOf(clean, (byte)'\n', clean.Length / 2) + 1;
        var input = new LongLineStream(clean[..middle], (2L << 30) + 7, [(byte)'\n', .. clean[middle..]]);
        var rejections = new RejectionLog(NullLogger<RejectionLog>.Instance);

        var (found, summary) = await ReplayAsync(input, rejections);

        ExpectedAlert.AssertSameSet(Expected(clean), [.. found.Select(ExpectedAlert.Of)]);
        Assert.Equal(1, rejections.Counts[RejectReason.RecordTooLarge]);
        Assert.Equal(clean.Count(b => b == '\n') + 1, summary.Records);
    }

    private async Task<(List<Anomaly> Found, RunSummary Summary)> ReplayAsync(byte[] data) =>
        await ReplayAsync(new MemoryStream(data), new RejectionLog(NullLogger<RejectionLog>.Instance));

    private async Task<(List<Anomaly> Found, RunSummary Summary)> ReplayAsync(Stream input, RejectionLog rejections)
    {
        var rules = fixture.Grains.GetGrain<IRulesGrain>(RulesGrainKey.Default);
        await rules.Set(ProductionLinesFile.Rules);
        var runner = new ReplayRunner(fixture.Grains, new ReadingParser(new ReadingParserOptions()), rejections, batchSize: 500, new CheckpointOptions());
        var output = new StringWriter();
        var summary = await runner.RunAsync(input, "poisoned.ndjson", output, CancellationToken.None);
        var found = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize(line, AlertJsonContext.Records.Anomaly)!)
            .ToList();
        return (found, summary);
    }

    private static List<ExpectedAlert> Expected(byte[] clean) => ProductionLinesFile.Expected(Encoding.UTF8.GetString(clean).Split('\n'));

    private static byte[] InsertAtMiddle(byte[] clean, string record)
    {
        var middle = Array.LastIndexOf(clean, (byte)'\n', clean.Length / 2) + 1;
        return [.. clean[..middle], .. Encoding.UTF8.GetBytes(record + "\n"), .. clean[middle..]];
    }

    private static byte[] Generate(string prefix) => Encoding.UTF8.GetBytes(string.Concat(ProductionLinesFile.Lines(prefix).Select(line => line + "\n")));
}
