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
/// Replays the generated data set with Western Electric run rules (individuals and X-bar charts), the moving-range
/// chart, EWMA and CUSUM on, through the embedded silo with two batch sizes: the same anomalies both times, and on the
/// individuals chart exactly those a plain re-implementation finds.
/// </summary>
public sealed class ChartReplayTests
{
    private static readonly Dictionary<string, string?> Charts = new()
    {
        ["Spc:Charts:RunRules:0"] = "1",
        ["Spc:Charts:RunRules:1"] = "2",
        ["Spc:Charts:RunRules:2"] = "5",
        ["Spc:Charts:RunRules:3"] = "6",
        ["Spc:Charts:K2"] = "8",
        ["Spc:Charts:MovingRange"] = "true",
        ["Spc:Charts:Ewma"] = "true",
        ["Spc:Charts:EwmaLambda"] = "0.2",
        ["Spc:Charts:EwmaL"] = "3",
        ["Spc:Charts:Cusum"] = "true",
        ["Spc:Charts:CusumK"] = "0.5",
        ["Spc:Charts:CusumH"] = "4",
    };

    [Fact]
    public async Task Chart_anomalies_do_not_depend_on_the_batch_size_and_match_a_plain_implementation()
    {
        var data = DataSet();

        var large = await ReplayAsync(data, batchSize: 500);
        var small = await ReplayAsync(data, batchSize: 37);

        Assert.Equal(large.Select(a => a.AlertId).Order(StringComparer.Ordinal), small.Select(a => a.AlertId).Order(StringComparer.Ordinal));
        var values = small.ToDictionary(a => a.AlertId, a => a.MeasuredValue);
        Assert.All(large, a => Assert.Equal(a.MeasuredValue, values[a.AlertId], 12));

        var expected = ChartOracle.Run(Readings(data));
        var charted = large
            .Where(a => a.AnomalyType is AnomalyType.MovingRange or AnomalyType.Ewma or AnomalyType.Cusum
                || (a.AnomalyType == AnomalyType.RunRule && a.AlertId.Contains("/RunRule-I", StringComparison.Ordinal)))
            .Select(a => (a.AnomalyType, a.DeviceId, a.Metric, a.TargetTime, Qualifier(a.AlertId), a.MeasuredValue))
            .ToList();
        Assert.Equal(expected.Select(Key).Order(), charted.Select(Key).Order());
        var measured = charted.ToDictionary(Key, a => a.MeasuredValue);
        Assert.All(expected, e => Assert.Equal(e.Value, measured[Key(e)], 9));
        Assert.All(new[] { AnomalyType.RunRule, AnomalyType.MovingRange, AnomalyType.Ewma, AnomalyType.Cusum },
            type => Assert.Contains(expected, e => e.Type == type));
        Assert.Contains(large, a => a.AlertId.Contains("/RunRule-X", StringComparison.Ordinal));
    }

    private static string Key((AnomalyType Type, string Device, string Metric, DateTime Time, string Qualifier, double Value) a) =>
        $"{a.Type}/{a.Device}/{a.Metric}/{a.Time.Ticks}/{a.Qualifier}";

    private static string Qualifier(string alertId)
    {
        var type = alertId.Split('/')[^2];
        var dash = type.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? "" : type[(dash + 1)..];
    }

    private static async Task<List<Anomaly>> ReplayAsync(byte[] data, int batchSize)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Charts).Build();
        await using var cluster = await ClusterConnection.StartAsync(configuration, embedded: true, _ => { }, CancellationToken.None);
        await cluster.Grains.GetGrain<IRulesGrain>(RulesGrainKey.Default).Set(new DetectionRules { ZScore = new ZScoreSettings { Enabled = false } });
        var runner = new ReplayRunner(cluster.Grains, new ReadingParser(new ReadingParserOptions()), new RejectionLog(NullLogger<RejectionLog>.Instance), batchSize);
        var output = new StringWriter();
        await runner.RunAsync(new MemoryStream(data), "generated.ndjson", output, CancellationToken.None);
        return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize(line, AlertJsonContext.Records.Anomaly)!)];
    }

    private static List<Reading> Readings(byte[] data)
    {
        var parser = new ReadingParser(new ReadingParserOptions());
        return [.. Encoding.UTF8.GetString(data).Split('\n').Select(line => parser.Parse(Encoding.UTF8.GetBytes(line)).Reading).OfType<Reading>()];
    }

    private static byte[] DataSet()
    {
        var options = new SimulationOptions { TemperatureSensors = 0, Boards = 0, Gateways = 0, ProductionLines = 3, Interval = TimeSpan.FromSeconds(60), Seed = 11, MalformedRate = 0.002 };
        var text = new MemoryStream();
        foreach (var record in new ReadingSimulator(options).Generate(new DateTime(2026, 2, 14, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromDays(4)))
        {
            text.Write(record.Payload);
            text.WriteByte((byte)'\n');
        }
        return text.ToArray();
    }
}
