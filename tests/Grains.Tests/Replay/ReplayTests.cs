using System.Text;
using System.Text.Json;
using Actors.Detection.Parsing;
using Actors.Detection.Records;
using Actors.Grains.Interfaces;
using Actors.Ingestor.Cluster;
using Actors.Ingestor.Pipeline;
using Actors.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Actors.Grains.Tests.Replay;

/// <summary>
/// Replays a generated four-day data set (with malformed and duplicated records) and checks that the grains find
/// exactly the anomalies an independent implementation of the rules finds, on a two-silo cluster and on the
/// embedded silo of the ingestor with another batch size.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReplayTests(ClusterFixture fixture)
{
    private const double TemperatureUpper = 30;
    private static readonly ZScoreSettings ZScore = new() { WindowSeconds = 900, Bound = 2.5, MinSamples = 8 };
    private static readonly Lazy<byte[]> DataSet = new(Generate);

    [Fact]
    public async Task Two_silo_replay_finds_exactly_the_independently_computed_anomalies()
    {
        await UseRules(fixture.Grains);

        var (found, summary) = await ReplayAsync(fixture.Grains, batchSize: 500);

        AssertSameAlerts(Expected(), found);
        Assert.True(summary.Rejected > 0, "the data set contains malformed records");
        Assert.True(summary.Duplicates > 0, "the data set contains duplicated records");
    }

    [Fact]
    public async Task Embedded_silo_replay_with_another_batch_size_finds_the_same_anomalies()
    {
        var configuration = new ConfigurationBuilder().Build();
        await using var cluster = await ClusterConnection.StartAsync(configuration, embedded: true, _ => { }, CancellationToken.None);
        await UseRules(cluster.Grains);

        var (found, _) = await ReplayAsync(cluster.Grains, batchSize: 37);

        AssertSameAlerts(Expected(), found);
    }

    private static async Task UseRules(IGrainFactory grains)
    {
        var rules = grains.GetGrain<IRulesGrain>(RulesGrainKey.Default);
        await rules.Set(new DetectionRules { Thresholds = [new ThresholdRule { Metric = "temperature", Upper = TemperatureUpper }], ZScore = ZScore });
    }

    private static async Task<(List<Anomaly> Found, RunSummary Summary)> ReplayAsync(IGrainFactory grains, int batchSize)
    {
        var runner = new ReplayRunner(grains, new ReadingParser(new ReadingParserOptions()), new RejectionLog(NullLogger<RejectionLog>.Instance), batchSize, new CheckpointOptions());
        var output = new StringWriter();
        var summary = await runner.RunAsync(new MemoryStream(DataSet.Value), "generated.ndjson", output, CancellationToken.None);
        var found = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize(line, AlertJsonContext.Records.Anomaly)!)
            .ToList();
        return (found, summary);
    }

    private static List<ExpectedAlert> Expected()
    {
        var parser = new ReadingParser(new ReadingParserOptions());
        var readings = Encoding.UTF8.GetString(DataSet.Value).Split('\n')
            .Select(line => parser.Parse(Encoding.UTF8.GetBytes(line)).Reading)
            .OfType<Reading>()
            .ToList();
        return new IndependentDetector(TemperatureUpper, ZScore.WindowSeconds, ZScore.Bound, ZScore.MinSamples, minReadings: 30).Run(readings);
    }

    private static void AssertSameAlerts(List<ExpectedAlert> expected, List<Anomaly> found)
    {
        Assert.Contains(expected, a => a.Type == AnomalyType.Confirmed);
        Assert.Contains(expected, a => a.Type == AnomalyType.Provisional);
        Assert.Contains(expected, a => a.Type == AnomalyType.ZScore);
        Assert.Contains(expected, a => a.Type == AnomalyType.Threshold);
        var actual = found.Select(ExpectedAlert.Of).ToList();
        ExpectedAlert.AssertSameSet(expected, actual);
        var values = actual.ToDictionary(a => a.Key, a => a.MeasuredValue);
        Assert.All(expected, e => Assert.Equal(e.MeasuredValue, values[e.Key], 9));
    }

    private static byte[] Generate()
    {
        var options = new SimulationOptions { TemperatureSensors = 1, Boards = 1, Gateways = 1, ProductionLines = 4, Interval = TimeSpan.FromSeconds(60), Seed = 7, MalformedRate = 0.002 };
        var text = new MemoryStream();
        var lineNumber = 0;
        foreach (var record in new ReadingSimulator(options).Generate(new DateTime(2026, 2, 14, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromDays(4)))
        {
            text.Write(record.Payload);
            text.WriteByte((byte)'\n');
            if (++lineNumber % 997 == 0)
            {
                text.Write(record.Payload);
                text.WriteByte((byte)'\n');
            }
        }
        return text.ToArray();
    }
}
