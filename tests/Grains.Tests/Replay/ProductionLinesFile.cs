using System.Text;
using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Actors.Simulation;
using Actors.TestSupport;

namespace Actors.Grains.Tests.Replay;

/// <summary>
/// The poison-record replays' data: three production lines over four days, one reading a minute, with the rules they
/// are judged by and the alerts the independent implementation of those rules expects.
/// </summary>
public static class ProductionLinesFile
{
    private const double TemperatureUpper = 30;
    private static readonly ZScoreSettings ZScore = new() { WindowSeconds = 900, Bound = 2.5, MinSamples = 8 };

    public static DetectionRules Rules => new() { Thresholds = [new ThresholdRule { Metric = "temperature", Upper = TemperatureUpper }], ZScore = ZScore };

    /// <summary>The file's lines, machine and product IDs prefixed with <paramref name="prefix"/> so each run has its own grains.</summary>
    public static List<string> Lines(string prefix)
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
        return [.. new ReadingSimulator(options).Generate(new DateTime(2026, 2, 14, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromDays(4))
            .Select(record => Encoding.UTF8.GetString(record.Payload).Replace("\"M-0", $"\"{prefix}M-0", StringComparison.Ordinal))];
    }

    /// <summary>What the independent implementation of <see cref="Rules"/> finds in <paramref name="lines"/>.</summary>
    public static List<ExpectedAlert> Expected(IEnumerable<string> lines)
    {
        var parser = new ReadingParser(new ReadingParserOptions());
        var readings = lines.Select(line => parser.Parse(Encoding.UTF8.GetBytes(line)).Reading).OfType<Reading>().ToList();
        return new IndependentDetector(TemperatureUpper, ZScore.WindowSeconds, ZScore.Bound, ZScore.MinSamples, minReadings: 30).Run(readings);
    }
}
