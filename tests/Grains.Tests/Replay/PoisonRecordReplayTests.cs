using System.Text;
using System.Text.Json;
using Actors.Detection.Records;
using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Actors.Ingestor.Pipeline;
using Actors.Simulation;
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
    private const double TemperatureUpper = 30;
    private static readonly ZScoreSettings ZScore = new() { WindowSeconds = 900, Bound = 2.5, MinSamples = 8 };
    private static readonly DateTime Start = new(2026, 2, 14, 0, 0, 0, DateTimeKind.Utc);

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
        AssertSameAlerts(expected, found);
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
        AssertSameAlerts(expected, found);
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

        AssertSameAlerts(Expected(clean), found);
        Assert.Equal(1, rejections.Counts[RejectReason.RecordTooLarge]);
        Assert.Equal(clean.Count(b => b == '\n') + 1, summary.Records);
    }

    private async Task<(List<Anomaly> Found, RunSummary Summary)> ReplayAsync(byte[] data) =>
        await ReplayAsync(new MemoryStream(data), new RejectionLog(NullLogger<RejectionLog>.Instance));

    private async Task<(List<Anomaly> Found, RunSummary Summary)> ReplayAsync(Stream input, RejectionLog rejections)
    {
        var rules = fixture.Grains.GetGrain<IRulesGrain>(RulesGrainKey.Default);
        await rules.Set(new DetectionRules { Thresholds = [new ThresholdRule { Metric = "temperature", Upper = TemperatureUpper }], ZScore = ZScore });
        var runner = new ReplayRunner(fixture.Grains, new ReadingParser(new ReadingParserOptions()), rejections, batchSize: 500, new CheckpointOptions());
        var output = new StringWriter();
        var summary = await runner.RunAsync(input, "poisoned.ndjson", output, CancellationToken.None);
        var found = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize(line, AlertJsonContext.Records.Anomaly)!)
            .ToList();
        return (found, summary);
    }

    private static List<ExpectedAlert> Expected(byte[] clean)
    {
        var parser = new ReadingParser(new ReadingParserOptions());
        var readings = Encoding.UTF8.GetString(clean).Split('\n')
            .Select(line => parser.Parse(Encoding.UTF8.GetBytes(line)).Reading)
            .OfType<Reading>()
            .ToList();
        return new IndependentDetector(TemperatureUpper, ZScore.WindowSeconds, ZScore.Bound, ZScore.MinSamples, minReadings: 30).Run(readings);
    }

    private static void AssertSameAlerts(List<ExpectedAlert> expected, List<Anomaly> found)
    {
        var actual = found.Select(a => new ExpectedAlert(a.AnomalyType, a.DeviceId, a.Metric, a.TargetTime, a.MeasuredValue)).ToList();
        var missing = expected.ExceptBy(actual.Select(a => a.Key), a => a.Key).ToList();
        var extra = actual.ExceptBy(expected.Select(a => a.Key), a => a.Key).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"missing {missing.Count} (first: {missing.FirstOrDefault()}), unexpected {extra.Count} (first: {extra.FirstOrDefault()})");
        Assert.Equal(expected.Count, actual.Count);
    }

    private static byte[] InsertAtMiddle(byte[] clean, string record)
    {
        var middle = Array.LastIndexOf(clean, (byte)'\n', clean.Length / 2) + 1;
        return [.. clean[..middle], .. Encoding.UTF8.GetBytes(record + "\n"), .. clean[middle..]];
    }

    /// <summary>Three production lines over four days, their machine and product IDs prefixed so each run has its own grains.</summary>
    private static byte[] Generate(string prefix)
    {
        var options = new SimulationOptions
        {
            TemperatureSensors = 0,
            Boards = 0,
            Gateways = 0,
            ProductionLines = 3,
            Products = [$"{prefix}B205", $"{prefix}B206"],
            Interval = TimeSpan.FromSeconds(60),
            Seed = 11,
            MalformedRate = 0,
        };
        var text = new StringBuilder();
        foreach (var record in new ReadingSimulator(options).Generate(Start, TimeSpan.FromDays(4)))
        {
            text.Append(Encoding.UTF8.GetString(record.Payload).Replace("\"M-0", $"\"{prefix}M-0", StringComparison.Ordinal)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
